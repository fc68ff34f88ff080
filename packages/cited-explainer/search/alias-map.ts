/**
 * Alternate names (Zangazur for Zangezur, Pashinian for Pashinyan) in search. Pure and
 * browser-safe: the indexer, the alias endpoint and the search UI all use it.
 *
 * Pagefind has no synonyms (its issue #777), so alternate spellings are handled at two levels:
 *
 * 1. In the index: the canonical page (an actor's page, the glossary) carries its entries'
 *    alternate names as Pagefind metadata, `<meta data-pagefind-meta="aliases[content]">` in the
 *    head (components/SearchMeta.astro). Metadata is searchable and weighted (config.ts
 *    RANKING), so "Zangazur" finds the canonical page even where the page itself never writes
 *    that spelling. A <meta> element is never rendered nor read by a screen reader, and no text
 *    is duplicated for readers: unlike visually-hidden spans, nothing hidden sits in the page.
 * 2. In the query: a small alias map (this module's AliasMap, served as JSON beside the Pagefind
 *    bundle, fetched only when search starts) rewrites an alternate spelling to the canonical one
 *    before searching, so every page that mentions the place or person under its usual name is
 *    found, not only the canonical page; the UI says so ("Showing results for Zangezur") and
 *    offers the literal search. When the whole query is one entry's name or alternate name, the
 *    entry's canonical address (an actor page, /glossary/#slug) is put first.
 */

import { levenshtein } from '../citations/similarity.ts';

export interface AliasEntry {
  /** The spelling the pages use. */
  name: string;
  altNames: string[];
  /** The canonical address, with the site's base: /explainer/actors/nikol-pashinyan/, /glossary/#zangezur. */
  url: string;
}

export interface AliasMap {
  entries: AliasEntry[];
  /** Publications and the addresses of their source texts in the archive (with the base): a query naming one finds them first. */
  publications?: Array<{ name: string; urls: string[] }>;
}

/** Case-, accent- and punctuation-blind form: "Nagorno-Karabakh’s" → "nagorno karabakh s". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const tokens = (text: string) => normalizeName(text).split(' ').filter(Boolean);

/** Two words are respellings of each other when at most a third of their letters differ (Furukh, Parukh). */
const RESPELLING = 0.34;

/**
 * What an alternate name is replaced with in a query: the whole canonical name, or, when a
 * one-word alternate is a respelling of one word of a longer name (Pashinian → "Nikol Pashinyan"),
 * that word alone, so that pages writing only the surname are found too (Pagefind matches pages
 * holding every word of the query).
 */
export function replacementFor(altName: string, name: string): string {
  const alt = tokens(altName);
  // The name's words as written ("Nikol", "Pashinyan"), each with its normalised form.
  const words = nameWords(name).map((word) => ({ word, norm: normalizeName(word) }));
  if (alt.length === 1 && words.length > 1) {
    const [best] = words.map((w) => ({ ...w, distance: levenshtein(alt[0], w.norm) / Math.max(alt[0].length, w.norm.length) })).sort((a, b) => a.distance - b.distance);
    if (best.distance <= RESPELLING) return best.word;
  }
  return name;
}

export interface QueryPlan {
  /** The query as typed. */
  original: string;
  /** The query with alternate spellings replaced by the pages' own (the original when none). */
  query: string;
  /**
   * What Pagefind searches: the rewritten query and the original, whose results are merged, so
   * that a page quoting a source's own spelling is found as well as those using the usual one.
   */
  searches: string[];
  /** Alternate names rewritten, for "Showing results for …". */
  rewrites: Array<{ from: string; to: string }>;
  /** The entry whose name or alternate name is the whole query: its canonical page goes first. */
  exact?: AliasEntry;
}

interface Variant {
  words: string[];
  entry: AliasEntry;
  canonical: boolean;
  text: string;
  /** For a respelt word inside an alternate name, the name's word it stands for. */
  replacement?: string;
}

const nameWords = (name: string) => name.split(/[^\p{L}\p{N}'’ʼ]+/u).filter((word) => normalizeName(word));

function variants(map: AliasMap): Variant[] {
  const list: Variant[] = [];
  for (const entry of map.entries) {
    list.push({ words: tokens(entry.name), entry, canonical: true, text: entry.name });
    const canonical = nameWords(entry.name);
    for (const alt of entry.altNames) {
      list.push({ words: tokens(alt), entry, canonical: false, text: alt });
      // "Nikol Pashinian" for "Nikol Pashinyan": "Pashinian" alone is the same respelling.
      const altWords = nameWords(alt);
      if (altWords.length !== canonical.length || altWords.length < 2) continue;
      altWords.forEach((word, i) => {
        const [a, b] = [normalizeName(word), normalizeName(canonical[i])];
        if (a !== b && a.split(' ').length === 1 && levenshtein(a, b) / Math.max(a.length, b.length) <= RESPELLING) {
          list.push({ words: [a], entry, canonical: false, text: word, replacement: canonical[i] });
        }
      });
    }
  }
  // Longest first, so "Nagorno-Karabakh Republic" wins over "Karabakh".
  return list.filter((v) => v.words.length > 0).sort((a, b) => b.words.length - a.words.length);
}

/** Words long enough to correct a typo in, and how many letters may differ: one, or two from nine letters on. */
const typoBudget = (word: string) => (word.length < 5 || /\d/.test(word) ? 0 : word.length >= 9 ? 2 : 1);

/**
 * A word of the query that no name or alternate name has, one or two letters from exactly one that
 * does, is read as that word ("Pashinyn" → "Pashinyan"): names and places are where readers mistype,
 * and Pagefind matches words exactly. Ambiguous or distant words stay as typed.
 */
function correctTypos(words: readonly string[], vocabulary: ReadonlyMap<string, string>): Array<{ word: string; from?: string; shown?: string }> {
  return words.map((word) => {
    const budget = typoBudget(word);
    if (budget === 0 || vocabulary.has(word)) return { word };
    let best: Array<[string, string]> = [];
    let bestDistance = budget + 1;
    for (const [known, shown] of vocabulary) {
      if (Math.abs(known.length - word.length) > budget) continue;
      const distance = levenshtein(word, known);
      if (distance < bestDistance) [best, bestDistance] = [[[known, shown]], distance];
      else if (distance === bestDistance) best.push([known, shown]);
    }
    return best.length === 1 ? { word: best[0][0], from: word, shown: best[0][1] } : { word };
  });
}

const prepared = new WeakMap<AliasMap, { all: Variant[]; vocabulary: Map<string, string> }>();

/** The variants and the words of every name, worked out once per map: a query is planned at every keystroke. */
function prepare(map: AliasMap): { all: Variant[]; vocabulary: Map<string, string> } {
  let ready = prepared.get(map);
  if (!ready) {
    const vocabulary = new Map<string, string>();
    for (const entry of map.entries) {
      for (const name of [entry.name, ...entry.altNames]) for (const word of nameWords(name)) vocabulary.set(normalizeName(word), word);
    }
    ready = { all: variants(map), vocabulary };
    prepared.set(map, ready);
  }
  return ready;
}

/** Rewrites alternate spellings in a query, and mistyped names; see the module comment. */
export function planQuery(input: string, map: AliasMap | undefined): QueryPlan {
  const original = input.trim();
  const plan: QueryPlan = { original, query: original, searches: original ? [original] : [], rewrites: [] };
  if (!map || !original) return plan;
  const { all, vocabulary } = prepare(map);
  const corrected = correctTypos(tokens(original), vocabulary);
  const words = corrected.map((c) => c.word);
  const whole = words.join(' ');
  plan.exact = all.find((v) => v.words.join(' ') === whole)?.entry;

  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < words.length; ) {
    const hit = all.find((v) => v.words.length <= words.length - i && v.words.every((w, k) => words[i + k] === w));
    if (hit && !hit.canonical) {
      const ofName = new Set(tokens(hit.entry.name));
      // An alternate that is part of the name ("Karabakh" of "Nagorno-Karabakh") already matches.
      if (!hit.words.every((w) => ofName.has(w))) {
        const to = hit.replacement ?? replacementFor(hit.text, hit.entry.name);
        out.push(to);
        plan.rewrites.push({ from: hit.text, to });
        changed = true;
        i += hit.words.length;
        continue;
      }
    }
    const span = hit ? hit.words.length : 1;
    for (const { word, from, shown } of corrected.slice(i, i + span)) {
      out.push(shown ?? word);
      if (from) {
        plan.rewrites.push({ from, to: shown! });
        changed = true;
      }
    }
    i += span;
  }
  if (changed) {
    plan.query = out.join(' ');
    plan.searches = [plan.query, original];
  }
  return plan;
}
