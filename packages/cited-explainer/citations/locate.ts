import type { ArchiveBlock, ArchivedSource } from '../archive/format.ts';
import { type NormalizedText, normalize } from './normalize.ts';
import { bigrams, closestFirst, diceOfBigrams, levenshtein } from './similarity.ts';

export interface QuoteMatch {
  sourceId: string;
  /** Anchor of the archive paragraph the passage is in. */
  paragraph: string;
  /** Character offsets of the passage in the archived body. */
  start: number;
  end: number;
  /** The passage exactly as it stands in the archive. */
  quote: string;
}

export type LocateResult =
  | { status: 'found'; match: QuoteMatch }
  | { status: 'empty' }
  | { status: 'unknown-source'; knownIds: string[] }
  | { status: 'not-found'; closest: { paragraph: string; text: string } | undefined }
  | { status: 'ambiguous'; matches: QuoteMatch[] };

interface IndexedBlock {
  block: ArchiveBlock;
  normalized: NormalizedText;
}

interface IndexedSource {
  source: ArchivedSource;
  blocks: IndexedBlock[];
}

const ellipsis = /\s*\.\.\.\s*/;
const shortlistSize = 25;

/**
 * Indexes the archive once; each lookup then only reads the one source it names.
 * A quote matches within one archive paragraph; "..." in a quote may join parts of that
 * paragraph in order, unless the quote is found with its "..." literally.
 */
export class QuoteIndex {
  readonly #sources = new Map<string, IndexedSource>();

  constructor(sources: Iterable<ArchivedSource>) {
    for (const source of sources) {
      this.#sources.set(source.meta.id, {
        source,
        blocks: source.blocks.map((block) => ({ block, normalized: normalize(block.text) })),
      });
    }
  }

  source(id: string): ArchivedSource | undefined {
    return this.#sources.get(id)?.source;
  }

  get ids(): string[] {
    return [...this.#sources.keys()];
  }

  locate(sourceId: string, quote: string): LocateResult {
    const indexed = this.#sources.get(sourceId);
    if (!indexed) return { status: 'unknown-source', knownIds: closestFirst(sourceId, this.#sources.keys()) };
    // Archives are NFC since ingest; a quote typed with combining accents matches them too.
    const wanted = normalize(quote.normalize('NFC')).text;
    if (wanted.replaceAll('.', '').trim() === '') return { status: 'empty' };

    let matches = findMatches(indexed, [wanted]);
    const parts = wanted.split(ellipsis).filter((part) => part !== '');
    if (matches.length === 0 && parts.length > 1) matches = findMatches(indexed, parts);

    if (matches.length === 1) return { status: 'found', match: matches[0] };
    if (matches.length > 1) return { status: 'ambiguous', matches };
    const firstMissing = parts.find((part) => findMatches(indexed, [part]).length === 0) ?? wanted;
    return { status: 'not-found', closest: closestPassage(indexed, firstMissing) };
  }
}

function toMatch(indexed: IndexedSource, { block, normalized }: IndexedBlock, from: number, to: number): QuoteMatch {
  const start = block.start + normalized.offsets[from];
  const end = block.start + normalized.offsets[to - 1] + 1;
  return {
    sourceId: indexed.source.meta.id,
    paragraph: block.anchor,
    start,
    end,
    quote: indexed.source.body.slice(start, end),
  };
}

function findMatches(indexed: IndexedSource, parts: string[]): QuoteMatch[] {
  const matches: QuoteMatch[] = [];
  for (const entry of indexed.blocks) {
    const text = entry.normalized.text;
    for (let at = text.indexOf(parts[0]); at >= 0; at = text.indexOf(parts[0], at + 1)) {
      let end = at + parts[0].length;
      for (const part of parts.slice(1)) {
        const next = text.indexOf(part, end);
        end = next < 0 ? -1 : next + part.length;
        if (end < 0) break;
      }
      if (end >= 0) matches.push(toMatch(indexed, entry, at, end));
    }
  }
  return matches;
}

/** Suggestions look for the quote's first words only, so a long quote costs no more than a short one. */
export const suggestionWords = 24;
/** At most this many windows are scored; a huge paragraph is sampled evenly instead of read word by word. */
export const suggestionWindows = 5_000;

/**
 * The run of words in the source most like `wanted` (same length, give or take a word):
 * bigram similarity shortlists candidates cheaply, edit distance picks among them. Bounded, so a
 * 2,000-word quote against a megabyte-long paragraph answers in well under a second.
 */
function closestPassage(indexed: IndexedSource, quote: string): { paragraph: string; text: string } | undefined {
  const wanted = quote.split(' ').slice(0, suggestionWords).join(' ');
  const wordCount = wanted.split(' ').length;
  const wantedBigrams = bigrams(wanted);
  const totalWords = indexed.blocks.reduce((sum, entry) => sum + entry.normalized.text.split(' ').length, 0);
  const stride = Math.max(1, Math.ceil((totalWords * 3) / suggestionWindows));
  const candidates: Array<{ score: number; entry: IndexedBlock; from: number; to: number; text: string }> = [];
  for (const entry of indexed.blocks) {
    // Words only: a window that starts or ends on a lone dash or quote mark is never the best answer.
    const words = [...entry.normalized.text.matchAll(/\S+/g)]
      .filter((m) => /[\p{L}\p{N}]/u.test(m[0]))
      .map((m) => [m.index, m.index + m[0].length, m.index + m[0].replace(/[^\p{L}\p{N}]+$/u, '').length] as const);
    for (let size = Math.max(1, wordCount - 1); size <= wordCount + 1; size++) {
      for (let first = 0; first + size <= words.length; first += stride) {
        const from = words[first][0];
        // End the window after the last word, with and without its trailing punctuation.
        for (const to of new Set([words[first + size - 1][1], words[first + size - 1][2]])) {
          const text = entry.normalized.text.slice(from, to);
          candidates.push({ score: diceOfBigrams(wantedBigrams, bigrams(text), wanted === text), entry, from, to, text });
        }
      }
    }
  }
  const best = candidates
    .sort((a, b) => b.score - a.score)
    .slice(0, shortlistSize)
    .map((candidate) => ({ ...candidate, distance: levenshtein(wanted, candidate.text) }))
    .sort((a, b) => a.distance - b.distance || b.score - a.score)[0];
  if (!best) return undefined;
  const match = toMatch(indexed, best.entry, best.from, best.to);
  return { paragraph: match.paragraph, text: match.quote };
}
