import { escapeRegExp } from '../lib/regexp.ts';
import type { SourceType } from '../schemas/source-type.ts';
import { normalize } from './normalize.ts';
import { englishRuleWords, type RuleWords } from './rule-words.ts';

/**
 * Faithfulness rules: what a claim may say about the passages it cites. Each rule is a pure check
 * over the claim's text and its located passages, so the same rules hold for MDX prose and for
 * cited data fields, whatever Markdown processor runs them.
 */

export const ruleNames = [
  'confusable-letters',
  'quoted-words',
  'reworded-copy',
  'quoted-in-source',
  'unsupported-detail',
  'attribution',
  'speaker-statement',
  'speaker-words',
  'quote-length',
] as const;
export type RuleName = (typeof ruleNames)[number];

/** Rules whose verdict needs judgement: an author may record a reviewed exception with a reason. */
export const exceptionRules = ['quoted-in-source', 'unsupported-detail', 'attribution', 'speaker-statement', 'speaker-words'] as const satisfies readonly RuleName[];

/** Kinds of source that are the speaker's own words (a speech): whatever they say is quoted from the speaker. */
const ownWordsTypes: ReadonlySet<SourceType> = new Set(['speech']);

export interface CheckedCitation {
  /** The quote as the author wrote it. */
  written: string;
  speaker: string | undefined;
  /** The speaker's name as the reader sees it beside the passage ("statement by …"), if the citation names one. */
  speakerName?: string;
  /** The passage as archived. */
  quote: string;
  /** Where the passage stands in its paragraph (offsets in `paragraph`). */
  at: { start: number; end: number };
  /** The sentence or sentences of the archived paragraph that hold the passage. */
  sentences: string;
  /** The whole archived paragraph. */
  paragraph: string;
  source: { publisher: string; reworded: boolean; type: SourceType; published: string; estimate: boolean };
}

/** What the rules know besides the passages: the language's words and the site's own names. */
export interface RuleContext {
  words: RuleWords;
  /** Words known without a passage, lower case: the site's publisher names and source types. */
  known: ReadonlySet<string>;
  /** Alternate spellings (glossary and actors), each group a name and its other spellings. */
  alternates: ReadonlyArray<readonly string[]>;
}

export const englishRuleContext = (): RuleContext => ({ words: englishRuleWords(), known: new Set(), alternates: [] });

export interface RuleViolation {
  rule: RuleName;
  /** Index of the citation the violation is about, when it is about one. */
  citation: number | undefined;
  message: string;
  hint: string;
}

/** Quotes shorter than this say too little to check a claim against, unless they are the whole paragraph. */
export const minimumQuoteWords = 3;

export const attributes = (text: string, words: RuleWords) => words.reportingCue?.test(text) ?? false;

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** Comparable form of a text: normalised quotes, dashes and spaces, lower case, no edge punctuation. */
const comparable = (text: string) =>
  normalize(text.normalize('NFC'))
    .text.toLowerCase()
    // Quotes inside quoted words are single where the source's are double, or the other way round.
    .replaceAll('"', "'")
    .replace(/^[\s.,;:!?']+|[\s.,;:!?']+$/g, '');

/** What a text puts in double quotation marks, straight or curly. */
const quotedSpans = (text: string) => [...normalize(text).text.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

/**
 * Where a source's text stands in quotation marks, nested ones too: double (straight, curly,
 * guillemets) or curly single quotes. A straight quote opens after a space or the start and closes
 * otherwise; an apostrophe inside a word ("Azerbaijan’s") or after one ("soldiers’") closes nothing
 * that it did not open. Offsets in the text.
 */
export function quotedRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  const open: Array<{ at: number; single: boolean }> = [];
  const close = (i: number, single: boolean) => {
    const at = open.findLastIndex((o) => o.single === single);
    if (at < 0) return;
    ranges.push({ start: open[at].at, end: i + 1 });
    open.length = at;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const opensHere = i === 0 || /[\s([{\u2014\u2013-]/u.test(text[i - 1]);
    if ('“„«'.includes(char)) open.push({ at: i, single: false });
    else if ('”»'.includes(char)) close(i, false);
    else if (char === '"') {
      if (opensHere) open.push({ at: i, single: false });
      else close(i, false);
    } else if (char === '‘' && opensHere) open.push({ at: i, single: true });
    else if (char === '’' && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) close(i, true);
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * The words a claim puts in double quotation marks, each split into the parts that must be found in
 * order: an ellipsis or an [editorial insertion] inside quoted words stands for words left out.
 */
export function quotedWords(claim: string): Array<{ text: string; parts: string[] }> {
  return quotedSpans(claim).map((text) => ({
    text,
    parts: text
      .split(/\.\.\.|\[[^\]]*\]/)
      .map(comparable)
      .filter((part) => part !== ''),
  }));
}

function contains(passage: string, parts: readonly string[]): boolean {
  const haystack = comparable(passage);
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Whether every part stands inside quotation marks in the paragraph: someone's own words, as the source gives them. */
const quotedInSource = (paragraph: string, parts: readonly string[]) => {
  const spans = quotedRanges(paragraph).map((r) => paragraph.slice(r.start, r.end));
  return parts.every((part) => spans.some((span) => contains(span, [part])));
};

const ownWords = (citation: CheckedCitation) => ownWordsTypes.has(citation.source.type);

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const scripts = ['Latin', 'Cyrillic', 'Greek'] as const;
const scriptOf = (char: string) => scripts.find((script) => new RegExp(`\\p{Script=${script}}`, 'u').test(char));

/**
 * Letters of another alphabet inside a word ("Аrmenia" with a Cyrillic А): they look alike but
 * match nothing. The first such letter of each word, with its position (1-based) in the text.
 */
export function confusableLetters(text: string): Array<{ word: string; letter: string; script: string; wordScript: string; position: number }> {
  const found = [];
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const chars = [...m[0]];
    const counts = new Map<string, number>();
    for (const char of chars) {
      const script = scriptOf(char);
      if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
    }
    if (counts.size < 2) continue;
    const wordScript = [...counts].sort((a, b) => b[1] - a[1] || (a[0] === 'Latin' ? -1 : 1))[0][0];
    let offset = 0;
    for (const char of chars) {
      const script = scriptOf(char);
      if (script && script !== wordScript) {
        found.push({ word: m[0], letter: char, script, wordScript, position: m.index + offset + 1 });
        break;
      }
      offset += char.length;
    }
  }
  return found;
}

/** What to say about a confusable letter in the claim or in a quote. */
export function confusableMessage(found: ReturnType<typeof confusableLetters>[number], where: 'the claim' | 'the quote'): { message: string; hint: string } {
  return {
    message: `"${found.word}" in ${where} mixes alphabets: "${found.letter}" (${codePoint(found.letter)}, ${found.script}) among ${found.wordScript} letters, at character ${found.position} of ${where}`,
    hint: `Retype the word in one alphabet: a ${found.script} letter that looks ${found.wordScript} matches no source and no search.`,
  };
}

/** `context` is read with the claim for attribution (a table cell's header and row label), never for quoted words. */
export function checkClaim(
  claim: string,
  context: string,
  citations: readonly CheckedCitation[],
  { label = false, rules = englishRuleContext() }: { label?: boolean; rules?: RuleContext } = {},
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const cue = rules.words.reportingCue;

  const confusables = [
    ...confusableLetters(claim).map((found) => ({ found, where: 'the claim' as const, citation: undefined as number | undefined })),
    ...citations.flatMap((c, i) => confusableLetters(c.written).map((found) => ({ found, where: 'the quote' as const, citation: i as number | undefined }))),
  ];
  for (const { found, where, citation } of confusables) violations.push({ rule: 'confusable-letters', citation, ...confusableMessage(found, where) });

  citations.forEach((citation, i) => {
    const quoteWords = words(citation.quote).length;
    const wholeParagraph = comparable(citation.quote) === comparable(citation.paragraph);
    const wholeQuotation = quotedRanges(citation.paragraph).some((r) => comparable(citation.paragraph.slice(r.start, r.end)) === comparable(citation.quote));
    if (quoteWords < minimumQuoteWords && !wholeParagraph && !wholeQuotation) {
      violations.push({
        rule: 'quote-length',
        citation: i,
        message: `the quote "${citation.written}" has ${quoteWords} word${quoteWords === 1 ? '' : 's'}: too short to show what supports the claim`,
        hint: `Quote at least ${minimumQuoteWords} words of the passage (or the whole paragraph, or all the words the source puts in quotation marks, if they are fewer).`,
      });
    }
  });

  const quoted = quotedWords(claim);
  for (const span of quoted) {
    if (span.parts.length === 0) continue;
    const carriers = citations.filter((c) => contains(c.quote, span.parts));
    const first = citations.indexOf(carriers[0]);
    if (carriers.length === 0) {
      violations.push({
        rule: 'quoted-words',
        citation: undefined,
        message: `the words in quotation marks "${span.text}" are not in any passage this claim cites`,
        hint: "Words in quotation marks must be the source's own: cite the passage that has them word for word, or paraphrase without quotation marks.",
      });
    } else if (carriers.every((c) => c.source.reworded)) {
      violations.push({
        rule: 'reworded-copy',
        citation: first,
        message: `the words in quotation marks "${span.text}" come only from ${carriers[0].source.publisher}, a copy that rewords its original: they may not be anyone's own words`,
        hint: 'Paraphrase without quotation marks, or cite a copy that has the original words.',
      });
    } else if (!carriers.some((c) => ownWords(c) || quotedInSource(c.paragraph, span.parts)) && !carriers.some((c) => namesPublisher(claim, c.source.publisher))) {
      violations.push({
        rule: 'quoted-in-source',
        citation: first,
        message: `the words in quotation marks "${span.text}" are not in quotation marks in the source: they are ${carriers[0].source.publisher}'s words, not a speaker's`,
        hint: `Quote only what the source itself quotes, paraphrase without quotation marks, or give the words as ${carriers[0].source.publisher}'s ("${carriers[0].source.publisher} described it as …").`,
      });
    }
  }

  for (const detail of unsupportedDetails(claim, citations, rules)) {
    violations.push({
      rule: 'unsupported-detail',
      citation: 0,
      message: `"${detail}" is in no passage this claim cites`,
      hint: 'A name, number or date must come from a cited passage: cite a passage that has it, or move it into a note (the editors’ own words).',
    });
  }

  if (!cue) return violations;
  const claimAttributes = attributes(`${context} ${claim}`, rules.words);
  citations.forEach((citation, i) => {
    if (citation.speaker) {
      if (!claimAttributes && quoted.length === 0) {
        violations.push({
          rule: 'speaker-statement',
          citation: i,
          message: `the citation names a speaker (${citation.speaker}), but the claim does not report a statement`,
          hint: 'A speaker marks what someone said: write the claim as their statement ("X said …"), or remove the speaker for a fact the passage states in its own voice.',
        });
      }
      if (citation.source.reworded && quotedRanges(citation.paragraph).some((r) => r.start < citation.at.end && r.end > citation.at.start)) {
        violations.push({
          rule: 'reworded-copy',
          citation: i,
          message: `the citation gives ${citation.source.publisher}'s quotation as ${citation.speaker}'s words, but that copy rewords what it quotes`,
          hint: "Remove the speaker (the actor's page lists it as their statement), and cite a copy with the original words for the speaker's own.",
        });
        return;
      }
      const around = reportersWords(citation, rules.words);
      if (around) {
        violations.push({
          rule: 'speaker-words',
          citation: i,
          message: `the citation names a speaker (${citation.speaker}), but ${around}`,
          hint: 'Quote only the words the source gives as the speaker’s (in quotation marks, or after "said"), or remove the speaker and attribute the passage to the publication.',
        });
      }
      return;
    }
    if (!label && attributes(citation.sentences, rules.words) && !claimAttributes) {
      violations.push({
        rule: 'attribution',
        citation: i,
        message: `the cited passage attributes what it says ("${shorten(citation.sentences)}"), but the claim states it in the site's own voice`,
        hint: 'Attribute the claim as the passage does ("X said …", "according to X …"), or name the speaker in the citation: [@source (speaker-slug): …]. If the attribution does not bear on this claim, add a reviewed exception with a reason (see docs/authoring.md, "Exceptions").',
      });
    }
  });
  return violations;
}

/**
 * Why a speaker's citation holds the reporter's words rather than the speaker's, or undefined: it
 * runs beyond the words the source puts in quotation marks, or (with none) its sentence attributes
 * nothing to anyone.
 */
function reportersWords(citation: CheckedCitation, words: RuleWords): string | undefined {
  if (ownWords(citation)) return undefined;
  const { start, end } = citation.at;
  const ranges = quotedRanges(citation.paragraph).filter((r) => r.start < end && r.end > start);
  if (ranges.length > 0) {
    // Each part of the quote (an ellipsis joins parts) must stand inside quotation marks.
    const spans = ranges.map((r) => citation.paragraph.slice(r.start, r.end));
    const parts = citation.written
      .split(/\.\.\.|…/)
      .map(comparable)
      .filter((part) => part !== '');
    return parts.every((part) => spans.some((span) => comparable(span).includes(part)))
      ? undefined
      : `the quote runs beyond the words the source puts in quotation marks (${spans.join(' … ')}) into the reporter's own`;
  }
  return attributes(citation.sentences, words) ? undefined : `the cited sentence attributes nothing to anyone ("${shorten(citation.sentences)}"): it is the reporter's own`;
}

/** Whether a claim names a source's publisher ("the BBC" for "BBC News"): its first word after an article. */
const namesPublisher = (claim: string, publisher: string) => {
  const name = publisher.replace(/^the\s+/i, '').split(/\s+/)[0];
  return new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'u').test(claim);
};

/* unsupported-detail: names, numbers and dates of a claim that no passage supports. */

interface DateMention {
  text: string;
  index: number;
  /** The weekday named with the date (0 = Sunday), if any. */
  weekday: number | undefined;
  day: number | undefined;
  month: number;
  year: number | undefined;
}

/** Dates a text mentions ("16 November 2021", "Nov 16", "March 2022", "Saturday 26 March"), by the language's month names. */
function dateMentions(text: string, dates: RuleWords['dates']): DateMention[] {
  const isWeekday = (word: string) => dates.weekdays.includes(word.toLowerCase());
  const names = (weekdays: boolean) =>
    dates.written
      .filter((word) => isWeekday(word) === weekdays)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:(${names(true)}),?\\s+)?(?:(\\d{1,2})\\s+)?(${names(false)})\\.?(?![\\p{L}])(?:\\s+(\\d{1,2})(?![\\d:]))?(?:,?\\s+(\\d{4}))?(?!\\d)`, 'gu');
  const mentions = [...text.matchAll(pattern)].map((m) => ({
    text: m[0],
    index: m.index,
    weekday: m[1] ? dates.weekdays.indexOf(m[1].toLowerCase()) : undefined,
    day: m[2] || m[4] ? Number(m[2] ?? m[4]) : undefined,
    month: dates.months.get(m[3].toLowerCase())!,
    year: m[5] ? Number(m[5]) : undefined,
  }));
  // A range of months shares its year: "September-November 2020".
  mentions.forEach((mention, i) => {
    const next = mentions[i + 1];
    if (mention.year === undefined && next?.year !== undefined && /^[-–]$/.test(text.slice(mention.index + mention.text.length, next.index))) mention.year = next.year;
  });
  return mentions;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Calendar dates a passage's day words give, read against its source's publication date ("on Tuesday", "yesterday"). */
function derivedDates(citation: CheckedCitation, dates: RuleWords['dates']): Set<string> {
  const published = Date.parse(`${citation.source.published}T00:00:00Z`);
  const text = citation.paragraph.toLowerCase();
  const has = (word: string) => new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, 'u').test(text);
  const derived = new Set<string>();
  if (has(dates.today)) derived.add(isoDay(published));
  if (has(dates.yesterday)) derived.add(isoDay(published - 86_400_000));
  // A weekday is the last such day on or before publication, or the next one after it ("talks due to end on Thursday").
  for (let days = -6; days < 7; days++) {
    const time = published + days * 86_400_000;
    if (has(dates.weekdays[new Date(time).getUTCDay()])) derived.add(isoDay(time));
  }
  return derived;
}

const possessive = /['’]s$|s['’]$/u;

/** The year of a month a source names without one: the publication's year, or the year before for a later month ("since December", in June). */
const yearBefore = (published: string, month: number) => Number(published.slice(0, 4)) - (month > Number(published.slice(5, 7)) ? 1 : 0);

/** One name in two forms of a word ("Armenia", "Armenian"; "ministry", "ministries"): they share all but the last letter of the shorter, of at least four, and differ by at most three letters after that; or one word in two spellings. */
const sameStem = (a: string, b: string) => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  if (common >= Math.max(4, short.length - 1) && long.length - common <= 3) return true;
  // Or one word in British and American spelling ("Defence", "Defense"; "Organisation", "Organization"), never two names ("Parukh", "Farukh").
  const differences = [...a].flatMap((char, i) => (char === b[i] ? [] : [`${char}${b[i]}`].map((pair) => [...pair].sort().join(''))));
  return a.length === b.length && differences.length === 1 && ['cs', 'sz'].includes(differences[0]);
};

const digitsOf = (number: string) => number.replace(/[,.\s](?=\d{3}(?!\d))/g, '');

/** The names (capitalised words), numbers and dates of a claim that none of its passages, alternate spellings or the site's own names support. */
export function unsupportedDetails(claim: string, citations: readonly CheckedCitation[], rules: RuleContext): string[] {
  const dates = rules.words.dates;
  // A speaker's name stands beside the passage for the reader to check: it counts as the passage's.
  const passages = citations.map((c) => `${c.speakerName ?? ''}\n${c.paragraph.normalize('NFC')}`).join('\n');
  const lower = passages.toLowerCase();
  const passageWords = new Set((lower.match(/[\p{L}\p{M}]+/gu) ?? []).map((w) => w.replace(possessive, '')));
  const passageNumbers = new Set((passages.match(/\d[\d,.]*\d|\d/g) ?? []).map(digitsOf));
  const published = citations.map((c) => c.source.published);
  // A source's own date, when read from the page rather than worked out, is known as it stands.
  const exactlyPublished = citations.filter((c) => !c.source.estimate).map((c) => c.source.published);
  const derived = new Set(citations.flatMap((c) => [...derivedDates(c, dates)]));
  const passageDates = citations.flatMap((c) => dateMentions(c.paragraph, dates).map((d) => ({ ...d, year: d.year ?? yearBefore(c.source.published, d.month) })));
  const alternates = new Set(
    rules.alternates
      .filter((group) => group.some((name) => new RegExp(`(?<![\\p{L}])${escapeRegExp(name.toLowerCase())}`, 'u').test(lower)))
      .flatMap((group) => group.flatMap((name) => name.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [])),
  );

  const missing: string[] = [];
  let rest = claim.normalize('NFC');
  for (const date of dateMentions(rest, dates)) {
    const iso = (year: number) => `${String(year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
    const sameMonth = (iso: string) => Number(iso.slice(5, 7)) === date.month && (date.year === undefined || Number(iso.slice(0, 4)) === date.year);
    const supported =
      date.day === undefined
        ? passageDates.some((d) => d.month === date.month && (date.year === undefined || d.year === date.year)) || [...published, ...derived].some(sameMonth)
        : passageDates.some((d) => d.month === date.month && d.day === date.day && (date.year === undefined || d.year === date.year)) ||
          [...derived, ...exactlyPublished].some((d) => (date.year === undefined ? d.slice(5) === iso(0).slice(-5) : d === iso(date.year!)));
    // A weekday named with a date must be that date's (a date without a year takes the year of a date the passages give).
    const weekdayRight =
      date.weekday === undefined ||
      (date.day !== undefined &&
        [date.year, ...[...derived, ...published].filter((d) => Number(d.slice(5, 7)) === date.month).map((d) => Number(d.slice(0, 4)))]
          .filter((year) => year !== undefined)
          .some((year) => new Date(Date.UTC(year, date.month - 1, date.day!)).getUTCDay() === date.weekday));
    if (!supported || !weekdayRight) missing.push(date.text.trim());
    rest = rest.slice(0, date.index) + ' '.repeat(date.text.length) + rest.slice(date.index + date.text.length);
  }
  for (const m of rest.matchAll(/\d[\d,.]*\d|\d/g)) {
    const number = digitsOf(m[0].replace(/[.,]$/, ''));
    if (!passageNumbers.has(number) && !published.some((date) => date.startsWith(`${number}-`))) missing.push(m[0]);
  }
  for (const m of rest.matchAll(/(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*/gu)) {
    const word = m[0].toLowerCase().replace(possessive, '');
    if (rules.words.notNames.has(word)) continue;
    const known = (w: string) => passageWords.has(w) || rules.known.has(w) || alternates.has(w) || [...passageWords].some((p) => sameStem(w, p));
    if (!known(word) && !word.split(/['’-]/).every(known)) missing.push(m[0].replace(possessive, ''));
  }
  return [...new Set(missing)];
}

export const exceptionKey = (rule: string, quote: string) => `${rule}\u0000${normalize(quote).text}`;

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The sentences of a paragraph that overlap [start, end) (offsets within the paragraph). */
export function sentencesAround(paragraph: string, start: number, end: number): string {
  const boundary = /[.!?]["'”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;
  let from = 0;
  let to = paragraph.length;
  for (const m of paragraph.matchAll(boundary)) {
    const next = m.index + m[0].length;
    if (next <= start) from = next;
    else if (m.index >= end - 1) {
      to = m.index + 1;
      break;
    }
  }
  return paragraph.slice(from, to).trim();
}
