import { ContentError } from '../lib/content-error.ts';
import { slugify, uniqueIds } from '../lib/slug.ts';
import type { PageCitation } from '../schemas/ledger.ts';
import type { QuoteIndex, LocateResult } from './locate.ts';
import type { RenderedNote } from './render.ts';
import type { CitationToken } from './syntax.ts';

/**
 * The processor-independent core of a page's citations: locates every quote, numbers the notes
 * (one number per distinct passage), gives each claim a stable anchor, and returns the page's
 * ledger records. The remark plugin is a thin adapter around this.
 */

export interface ClaimInput {
  text: string;
  citations: Array<{ token: CitationToken; line: number; column: number }>;
}

export interface ResolvedClaim {
  anchor: string;
  markers: Array<{ note: RenderedNote; citationId: string; markerId: string }>;
}

export interface ResolvedPage {
  claims: ResolvedClaim[];
  notes: RenderedNote[];
  records: PageCitation[];
}

const claimAnchorWords = 6;

export function resolvePage(options: { file: string; document: string; claims: ClaimInput[]; index: QuoteIndex }): ResolvedPage {
  const { file, document, index } = options;
  const nextAnchor = uniqueIds();
  const notesByPassage = new Map<string, RenderedNote>();
  const records: PageCitation[] = [];

  const claims = options.claims.map((claim): ResolvedClaim => {
    const anchor = nextAnchor(`claim-${slugify(claim.text, claimAnchorWords) || 'untitled'}`);
    const markers = claim.citations.map(({ token, line, column }, i) => {
      const result = index.locate(token.sourceId, token.quote);
      if (result.status !== 'found') throw citationError(result, token, { file, line, column });
      const { match } = result;
      const key = `${match.sourceId}\u0000${match.start}\u0000${match.end}`;
      let note = notesByPassage.get(key);
      if (!note) {
        note = {
          number: notesByPassage.size + 1,
          source: index.source(match.sourceId)!.meta,
          paragraph: match.paragraph,
          quote: match.quote,
          backlinks: [],
        };
        notesByPassage.set(key, note);
      }
      if (!note.backlinks.some((b) => b.claimAnchor === anchor)) note.backlinks.push({ claimAnchor: anchor });
      const citationId = `${document}/${anchor}/${i + 1}`;
      records.push({
        id: citationId,
        anchor,
        claim: claim.text,
        source: match.sourceId,
        speaker: token.speaker ?? null,
        quote: match.quote,
        paragraph: match.paragraph,
        start: match.start,
        end: match.end,
        note: note.number,
      });
      return { note, citationId, markerId: `${anchor}-${i + 1}` };
    });
    return { anchor, markers };
  });

  return { claims, notes: [...notesByPassage.values()], records };
}

const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function citationError(
  result: Exclude<LocateResult, { status: 'found' }>,
  token: CitationToken,
  where: { file: string; line: number; column: number },
): ContentError {
  const source = `source "${token.sourceId}"`;
  switch (result.status) {
    case 'unknown-source':
      return new ContentError({
        ...where,
        message: `unknown source id "${token.sourceId}"`,
        hint: result.knownIds.length
          ? `Known ids, closest first: ${result.knownIds.slice(0, 5).join(', ')}`
          : 'The archive is empty: add sources with `npm run ingest`.',
      });
    case 'empty':
      return new ContentError({ ...where, message: `empty quote for ${source}`, hint: 'Quote the exact words that support the claim.' });
    case 'not-found':
      return new ContentError({
        ...where,
        message: `quote not found in ${source}: "${shorten(token.quote)}"`,
        hint: result.closest
          ? `Did you mean (paragraph ${result.closest.paragraph}): "${result.closest.text}"`
          : 'The source has no text to quote.',
      });
    case 'ambiguous':
      return new ContentError({
        ...where,
        message: `quote matches ${result.matches.length} places in ${source}: "${shorten(token.quote)}"`,
        hint: `Quote more words so that it matches one place. It is found in: ${result.matches
          .map((m) => `paragraph ${m.paragraph} at ${m.start}-${m.end}`)
          .join('; ')}`,
      });
  }
}
