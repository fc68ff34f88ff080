import { normalize } from './normalize.ts';

/**
 * Faithfulness rules: what a claim may say about the passages it cites. Each rule is a pure check
 * over the claim's text and its located passages, so the same rules hold for MDX prose and for
 * cited data fields, whatever Markdown processor runs them.
 */

export const ruleNames = ['quoted-words', 'reworded-copy', 'attribution', 'speaker-statement', 'quote-length'] as const;
export type RuleName = (typeof ruleNames)[number];

/** Rules whose verdict needs judgement: an author may record a reviewed exception with a reason. */
export const exceptionRules = ['attribution', 'speaker-statement'] as const satisfies readonly RuleName[];

export interface CheckedCitation {
  /** The quote as the author wrote it. */
  written: string;
  speaker: string | undefined;
  /** The passage as archived. */
  quote: string;
  /** The sentence or sentences of the archived paragraph that hold the passage. */
  sentences: string;
  /** The whole archived paragraph. */
  paragraph: string;
  source: { publisher: string; reworded: boolean };
}

export interface RuleViolation {
  rule: RuleName;
  /** Index of the citation the violation is about, when it is about one. */
  citation: number | undefined;
  message: string;
  hint: string;
}

/** Quotes shorter than this say too little to check a claim against, unless they are the whole paragraph. */
export const minimumQuoteWords = 3;

/** Words by which a passage, or a claim, says that someone else says it. */
const reportingCue =
  /\b(?:said|says|saying|say|according to|claim(?:s|ed|ing)?\b(?![^.]{0,30}\blives\b)|accus(?:e|es|ed|ing)|report(?:s|ed|ing)?|told|tell|stat(?:e|es|ed|ing)|statement|announc(?:e|es|ed|ing)|den(?:y|ies|ied|ying)|alleg(?:e|es|ed|ing)|insist(?:s|ed)?|warn(?:s|ed)?|tweet(?:s|ed)?|wr(?:ote|ites)|add(?:s|ed|ing)|call(?:s|ed|ing)? (?:on|for)|condemn(?:s|ed)?|describ(?:es|ed)|urg(?:es|ed)|stress(?:es|ed)|argu(?:es|ed)|blam(?:es|ed)|demand(?:s|ed)|expressed|confirm(?:s|ed)|responded|asked|sp(?:oke|eaks?) (?:of|about)|put (?:the|its)|gave (?:the|its)|figure)\b/i;

export const attributes = (text: string) => reportingCue.test(text);

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** Comparable form of a text: normalised quotes, dashes and spaces, lower case, no edge punctuation. ("claimed … lives" is a death toll, not a claim.) */
const comparable = (text: string) =>
  normalize(text)
    .text.toLowerCase()
    // Quotes inside quoted words are single where the source's are double, or the other way round.
    .replaceAll('"', "'")
    .replace(/^[\s.,;:!?']+|[\s.,;:!?']+$/g, '');

/** What a text puts in double quotation marks, straight or curly. */
const quotedSpans = (text: string) => [...normalize(text).text.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

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

/** Whether the words stand inside quotation marks in the source: someone's own words, as the source gives them. */
const quotedInSource = (paragraph: string, parts: readonly string[]) => quotedSpans(paragraph).some((span) => contains(span, parts));

/** `context` is read with the claim for attribution (a table cell's header and row label), never for quoted words. */
export function checkClaim(claim: string, context: string, citations: readonly CheckedCitation[], { label = false }: { label?: boolean } = {}): RuleViolation[] {
  const violations: RuleViolation[] = [];

  citations.forEach((citation, i) => {
    const quoteWords = words(citation.quote).length;
    if (quoteWords < minimumQuoteWords && comparable(citation.quote) !== comparable(citation.paragraph)) {
      violations.push({
        rule: 'quote-length',
        citation: i,
        message: `the quote "${citation.written}" has ${quoteWords} word${quoteWords === 1 ? '' : 's'}: too short to show what supports the claim`,
        hint: `Quote at least ${minimumQuoteWords} words of the passage (or the whole paragraph, if it is shorter).`,
      });
    }
  });

  const quoted = quotedWords(claim);
  for (const span of quoted) {
    if (span.parts.length === 0) continue;
    const carriers = citations.filter((c) => contains(c.quote, span.parts));
    if (carriers.length === 0) {
      violations.push({
        rule: 'quoted-words',
        citation: undefined,
        message: `the words in quotation marks "${span.text}" are not in any passage this claim cites`,
        hint: "Words in quotation marks must be the source's own: cite the passage that has them word for word, or paraphrase without quotation marks.",
      });
    } else if (
      carriers.every((c) => c.source.reworded) &&
      carriers.some((c) => c.speaker !== undefined || quotedInSource(c.paragraph, span.parts)) &&
      !carriers.some((c) => claim.toLowerCase().includes(c.source.publisher.toLowerCase()))
    ) {
      violations.push({
        rule: 'reworded-copy',
        citation: citations.indexOf(carriers[0]),
        message: `the words "${span.text}" are quoted from ${carriers[0].source.publisher}, a copy that rewords its original: they may not be the speaker's own`,
        hint: `Attribute the wording to ${carriers[0].source.publisher} in the claim ("in ${carriers[0].source.publisher}'s wording"), cite another source with the same words, or drop the quotation marks.`,
      });
    }
  }

  const claimAttributes = attributes(`${context} ${claim}`);
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
      return;
    }
    if (!label && attributes(citation.sentences) && !claimAttributes) {
      violations.push({
        rule: 'attribution',
        citation: i,
        message: `the cited passage attributes what it says ("${shorten(citation.sentences)}"), but the claim states it in the site's own voice`,
        hint: 'Attribute the claim as the passage does ("X said …", "according to X …"), or name the speaker in the citation: [@source (speaker-slug): …]. If the attribution does not bear on this claim, add a reviewed exception with a reason (see README, "Exceptions").',
      });
    }
  });
  return violations;
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
