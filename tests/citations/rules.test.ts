import { describe, expect, it } from 'vitest';
import { type CheckedCitation, checkClaim, quotedWords, sentencesAround } from '../../packages/cited-explainer/citations/rules.ts';

const citation = (quote: string, over: Partial<CheckedCitation> = {}): CheckedCitation => ({
  written: quote,
  speaker: undefined,
  quote,
  sentences: quote,
  paragraph: `${quote} And more words follow here.`,
  source: { publisher: 'Town News', reworded: false },
  ...over,
});
const rules = (claim: string, citations: CheckedCitation[], context = '') => checkClaim(claim, context, citations).map((v) => v.rule);

describe('faithfulness rules', () => {
  it('quoted-words: words in quotation marks must be in a cited passage, after normalisation', () => {
    expect(rules('The mayor said it was “a disgrace”.', [citation('the flood was a disgrace, the mayor said')])).toEqual([]);
    expect(rules('The mayor said it was "a total disgrace".', [citation('the flood was a disgrace, the mayor said')])).toEqual(['quoted-words']);
    // An ellipsis or an [insertion] stands for words left out; case and edge punctuation do not count.
    expect(rules('He said "the flood ... a disgrace."', [citation('said the flood was a disgrace')])).toEqual([]);
    expect(rules('He said "[the] flood was a disgrace"', [citation('said the flood was a disgrace')])).toEqual([]);
  });

  it("reworded-copy: a speaker's words quoted through a rewording copy need the republisher named", () => {
    const reworded = citation('called for a total ceasefire', { speaker: 'mayor', source: { publisher: 'Copy Times', reworded: true } });
    expect(rules('The mayor said he wanted "a total ceasefire".', [reworded])).toEqual(['reworded-copy']);
    expect(rules('The mayor said, in Copy Times\' wording, he wanted "a total ceasefire".', [reworded])).toEqual([]);
    // Another source with the same words settles it.
    expect(rules('The mayor said he wanted "a total ceasefire".', [reworded, citation('urged a total ceasefire', { speaker: 'mayor' })])).toEqual([]);
    // Narration (not anyone's quoted words, no speaker) may be quoted from the copy.
    expect(rules('The report dates it "the day before".', [citation('The day before, the bridge closed', { source: { publisher: 'Copy Times', reworded: true } })])).toEqual([]);
  });

  it("attribution: a passage that attributes must be attributed by the claim (exceptions are the resolver's, see remark tests)", () => {
    const attributed = citation('two bridges were closed', { sentences: 'The mayor said two bridges were closed.' });
    expect(rules('Two bridges were closed.', [attributed])).toEqual(['attribution']);
    expect(rules('The mayor said two bridges were closed.', [attributed])).toEqual([]);
    expect(rules('According to the mayor, two bridges were closed.', [attributed])).toEqual([]);
    expect(rules('Two bridges were closed.', [{ ...attributed, speaker: 'mayor' }])).toEqual(['speaker-statement']);
    // A death toll "claimed … lives" is not a claim by anyone.
    expect(rules('More than 100 people died.', [citation('the flood, which claimed more than 100 lives', { sentences: 'The flood, which claimed more than 100 lives, ended.' })])).toEqual([]);
    // A table cell is read under its column header.
    expect(rules('Two bridges closed.', [attributed], 'Reported by: The mayor; What they reported:')).toEqual([]);
  });

  it('speaker-statement: a citation that names a speaker belongs to a claim reporting a statement', () => {
    const spoken = citation('the bridges remain closed', { speaker: 'mayor' });
    expect(rules('The exact day is not known.', [spoken])).toEqual(['speaker-statement']);
    expect(rules('The mayor said the bridges remained closed.', [spoken])).toEqual([]);
  });

  it('quote-length: at least three words, unless the quote is the whole paragraph', () => {
    expect(rules('A bridge said closed.', [citation('J')])).toEqual(['quote-length']);
    expect(rules('A bridge said closed.', [citation('bridges closed')])).toEqual(['quote-length']);
    expect(rules('The headline said "Closed".', [citation('Closed', { paragraph: 'Closed.' })])).toEqual([]);
  });

  it('finds the quoted words of a claim and the sentences around a passage', () => {
    expect(quotedWords('He said “a total ceasefire” and "urgent de-escalation".').map((q) => q.parts)).toEqual([['a total ceasefire'], ['urgent de-escalation']]);
    const paragraph = 'The river rose. The mayor said two bridges were closed. Traffic was diverted.';
    const start = paragraph.indexOf('two bridges');
    expect(sentencesAround(paragraph, start, start + 'two bridges'.length)).toBe('The mayor said two bridges were closed.');
  });
});
