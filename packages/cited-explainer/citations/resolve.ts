import { sourceTypeOf } from '../cite/source-types.ts';
import { ContentError } from '../lib/content-error.ts';
import { slugify, uniqueIds } from '../lib/slug.ts';
import type { CitationException } from '../schemas/exception.ts';
import type { PageCitation } from '../schemas/ledger.ts';
import type { SourceMeta } from '../schemas/source.ts';
import type { LocateResult, QuoteIndex, QuoteMatch } from './locate.ts';
import { type CheckedCitation, checkClaim, confusableLetters, confusableMessage, englishRuleContext, exceptionKey, type RuleContext, sentencesAround } from './rules.ts';
import type { CitationToken } from './syntax.ts';

/**
 * The processor-independent core of a page's citations: locates every quote, applies the
 * faithfulness rules (rules.ts), numbers the notes (one number per distinct passage), gives each
 * claim a stable anchor, and collects the page's ledger records. The page core (cite-page.ts, with
 * its Sätteri and remark adapters) and the renderer of cited data fields build on this.
 */

export interface CitationLocation {
  file: string;
  line: number;
  column: number;
}

export interface ClaimInput {
  text: string;
  /** Words the reader reads the claim with (a table cell's column header and row label), for the rules. */
  context?: string;
  /** A label (an actor's role, "Prime Minister of Armenia"): a name the passage gives, not a statement, so attribution does not apply. */
  label?: boolean;
  citations: Array<{ token: CitationToken } & Omit<CitationLocation, 'file'> & { file?: string }>;
}

export interface ResolvedClaim {
  anchor: string;
  /** The claim's passages, in the order written; one marker shows them all. */
  markers: Array<{ note: Endnote; citationId: string }>;
}

/** One distinct passage a page cites: its number in the endnotes and the claims that cite it. */
export interface Endnote {
  number: number;
  /** The endnote's element id: "note-3". */
  id: string;
  source: SourceMeta;
  paragraph: string;
  quote: string;
  /** Who speaks in the passage, as the citation names them (shown to the reader). */
  speaker: { slug: string; name: string } | null;
  /** Claims on the page citing this note, in order. */
  backlinks: Array<{ claimAnchor: string }>;
}

const claimAnchorWords = 6;

export interface PageResolver {
  /** Resolves claims in order; `anchorPrefix` (after "claim-", so ids start with a letter) keeps anchors unique when several documents share a page. */
  resolve(claims: readonly ClaimInput[], options?: { file?: string; anchorPrefix?: string; exceptions?: readonly CitationException[] }): ResolvedClaim[];
  readonly notes: Endnote[];
  readonly records: PageCitation[];
  /** The exceptions that lifted a violation so far (the page's own and those given with a call). */
  readonly usedExceptions: ReadonlySet<CitationException>;
  /**
   * Fails on one of the page's exceptions that matched no citation: a stale exception must not
   * linger. `checked` leaves out those another check answers for (see cite-page.ts).
   */
  assertExceptionsUsed(checked?: (exception: CitationException) => boolean): void;
}

export interface ResolverOptions {
  file: string;
  document: string;
  index: QuoteIndex;
  exceptions?: readonly CitationException[];
  /** Display name of a speaker slug (an actor's name); the slug itself by default. */
  speakerName?: (slug: string) => string;
  /** The language's rule words and the site's known names (archive-index.ts loadRuleContext); English and none by default. */
  rules?: RuleContext;
}

export function createPageResolver(options: ResolverOptions): PageResolver {
  const { document, index } = options;
  const nextAnchor = uniqueIds();
  const notesByPassage = new Map<string, Endnote>();
  const notes: Endnote[] = [];
  const records: PageCitation[] = [];
  const byKey = (list: readonly CitationException[] = []) => new Map(list.map((e) => [exceptionKey(e.rule, e.quote), e]));
  const exceptions = byKey(options.exceptions);
  const used = new Set<CitationException>();
  const rules = options.rules ?? englishRuleContext();

  const checked = (token: CitationToken, match: QuoteMatch): CheckedCitation => {
    const source = index.source(match.sourceId)!;
    const block = source.blocks.find((b) => b.anchor === match.paragraph)!;
    const at = { start: match.start - block.start, end: match.end - block.start };
    return {
      written: token.quote,
      speaker: token.speaker,
      speakerName: token.speaker && options.speakerName?.(token.speaker),
      quote: match.quote,
      at,
      paragraph: block.text,
      sentences: sentencesAround(block.text, at.start, at.end),
      source: {
        publisher: source.meta.publisher,
        reworded: source.meta.reworded ?? false,
        type: sourceTypeOf(source.meta),
        published: source.meta.published.date,
        estimate: source.meta.published.estimate,
      },
    };
  };

  return {
    notes,
    records,
    usedExceptions: used,
    resolve(claims, { file = options.file, anchorPrefix = '', exceptions: own } = {}) {
      // A data file's exceptions apply to its own fields; a page's to the whole page.
      const applying = own ? byKey(own) : exceptions;
      return claims.map((claim): ResolvedClaim => {
        const anchor = nextAnchor(`claim-${anchorPrefix}${slugify(claim.text, claimAnchorWords) || 'untitled'}`);
        const located = claim.citations.map(({ token, line, column, file: citationFile }) => {
          const where = { file: citationFile ?? file, line, column };
          const result = index.locate(token.sourceId, token.quote);
          // A look-alike letter from another alphabet is why such a quote is not found: say so.
          const [confusable] = result.status === 'found' ? [] : confusableLetters(token.quote);
          if (confusable) throw new ContentError({ ...where, ...prefixed('confusable-letters', confusableMessage(confusable, 'the quote')) });
          if (result.status !== 'found') throw citationError(result, token, where);
          return { token, where, match: result.match };
        });
        // A reviewed exception lifts a judgement rule's violation for one citation; one that lifts nothing is stale.
        const excepted = new Map<number, CitationException>();
        const violation = checkClaim(
          claim.text,
          claim.context ?? '',
          located.map(({ token, match }) => checked(token, match)),
          { label: claim.label, rules },
        ).find((v) => {
          const exception = v.citation === undefined ? undefined : applying.get(exceptionKey(v.rule, located[v.citation].token.quote));
          if (!exception) return true;
          excepted.set(v.citation!, exception);
          used.add(exception);
          return false;
        });
        if (violation) {
          const at = located[violation.citation ?? 0].where;
          throw new ContentError({ ...at, ...prefixed(violation.rule, violation) });
        }

        const markers = located.map(({ token, match }, i) => {
          // One note per passage and speaker: a note shows its speaker, so claims citing one passage for different speakers get a note each.
          const key = `${match.sourceId}\u0000${match.start}\u0000${match.end}\u0000${token.speaker ?? ''}`;
          let note = notesByPassage.get(key);
          if (!note) {
            const number = notesByPassage.size + 1;
            note = {
              number,
              id: `note-${number}`,
              source: index.source(match.sourceId)!.meta,
              paragraph: match.paragraph,
              quote: match.quote,
              speaker: token.speaker ? { slug: token.speaker, name: options.speakerName?.(token.speaker) ?? token.speaker } : null,
              backlinks: [],
            };
            notesByPassage.set(key, note);
            notes.push(note);
          }
          if (!note.backlinks.some((b) => b.claimAnchor === anchor)) note.backlinks.push({ claimAnchor: anchor });
          const citationId = `${document}/${anchor}/${i + 1}`;
          const exception = excepted.get(i);
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
            ...(exception ? { exception: { rule: exception.rule, reason: exception.reason } } : {}),
          });
          return { note, citationId };
        });
        return { anchor, markers };
      });
    },
    assertExceptionsUsed(checked = () => true) {
      const stale = [...exceptions.values()].find((exception) => checked(exception) && !used.has(exception));
      if (stale) throw staleException(stale, { file: options.file });
    },
  };
}

/** An exception that lifted no violation: its file, and the line of its quote when known. */
export function staleException(exception: CitationException, where: { file: string; line?: number; column?: number }): ContentError {
  return new ContentError({
    ...where,
    message: `the exception to the ${exception.rule} rule for the quote "${exception.quote}" matches no citation that needs it`,
    hint: 'Remove it from "exceptions", or copy the quote exactly as the citation writes it.',
  });
}

/** A rule's message as the build prints it: "[rule] message". */
const prefixed = (rule: string, { message, hint }: { message: string; hint: string }) => ({ message: `[${rule}] ${message}`, hint });

const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function citationError(result: Exclude<LocateResult, { status: 'found' }>, token: CitationToken, where: CitationLocation): ContentError {
  const source = `source "${token.sourceId}"`;
  switch (result.status) {
    case 'unknown-source':
      return new ContentError({
        ...where,
        message: `unknown source id "${token.sourceId}"`,
        hint: result.knownIds.length ? `Known ids, closest first: ${result.knownIds.slice(0, 5).join(', ')}` : 'The archive is empty: add sources with `npm run ingest`.',
      });
    case 'empty':
      return new ContentError({ ...where, message: `empty quote for ${source}`, hint: 'Quote the exact words that support the claim.' });
    case 'not-found':
      return new ContentError({
        ...where,
        message: `quote not found in ${source}: "${shorten(token.quote)}"`,
        hint: result.closest ? `Did you mean (paragraph ${result.closest.paragraph}): "${result.closest.text}"` : 'The source has no text to quote.',
      });
    case 'ambiguous':
      return new ContentError({
        ...where,
        message: `quote matches ${result.matches.length} places in ${source}: "${shorten(token.quote)}"`,
        hint: `Quote more words so that it matches one place. It is found in: ${result.matches.map((m) => `paragraph ${m.paragraph} at ${m.start}-${m.end}`).join('; ')}`,
      });
  }
}
