import { describe, expect, it } from 'vitest';
import { ruleWords } from '../../packages/cited-explainer/citations/rule-words.ts';
import {
  type CheckedCitation,
  checkClaim,
  confusableLetters,
  englishRuleContext,
  quotedRanges,
  quotedWords,
  type RuleContext,
  sentencesAround,
  unsupportedDetails,
} from '../../packages/cited-explainer/citations/rules.ts';

const source = { publisher: 'Town News', reworded: false, type: 'newspaper-article' as const, published: '2021-11-16', estimate: false };
/** A citation whose passage is `quote` at the start of its paragraph, unless `paragraph` says otherwise. */
const citation = (quote: string, over: Partial<CheckedCitation> = {}): CheckedCitation => {
  const paragraph = over.paragraph ?? `${quote} And more words follow here.`;
  const start = Math.max(0, paragraph.indexOf(quote));
  return { written: quote, speaker: undefined, quote, at: { start, end: start + quote.length }, sentences: quote, paragraph, source, ...over };
};
/** The rules a claim breaks, but for unsupported-detail, which its own test reads through `details`. */
const rules = (claim: string, citations: CheckedCitation[], context = '', ruleContext?: RuleContext) =>
  checkClaim(claim, context, citations, { rules: ruleContext })
    .map((v) => v.rule)
    .filter((rule) => rule !== 'unsupported-detail');
const details = (claim: string, citations: CheckedCitation[], ruleContext: RuleContext = englishRuleContext()) => unsupportedDetails(claim, citations, ruleContext);

describe('faithfulness rules', () => {
  it('quoted-words: words in quotation marks must be in a cited passage, after normalisation', () => {
    expect(rules('The mayor said it was “a disgrace”.', [citation('the flood was “a disgrace”, the mayor said')])).toEqual([]);
    expect(rules('The mayor said it was "a total disgrace".', [citation('the flood was a disgrace, the mayor said')])).toEqual(['quoted-words']);
    // An ellipsis or an [insertion] stands for words left out; case and edge punctuation do not count.
    expect(rules('He said "the flood ... a disgrace."', [citation('said “the flood was a disgrace”')])).toEqual([]);
    expect(rules('He said "[the] flood was a disgrace"', [citation('said “the flood was a disgrace”')])).toEqual([]);
  });

  it('reworded-copy: a copy marked reworded never supplies words in quotation marks, named or not, nor a speaker for its quotations', () => {
    const copy = { ...source, publisher: 'Copy Times', reworded: true };
    const reworded = citation('called for a total ceasefire', { paragraph: 'The mayor called for a total ceasefire.', sentences: 'The mayor called for a total ceasefire.', source: copy });
    expect(rules('The mayor said he wanted "a total ceasefire".', [reworded])).toEqual(['reworded-copy']);
    // Naming the copy does not make the words the speaker's; narration is no exception either.
    expect(rules('The mayor said, in Copy Times\' wording, he wanted "a total ceasefire".', [reworded])).toEqual(['reworded-copy']);
    expect(rules('The report dates it "the day before".', [citation('The day before, the bridge closed', { source: copy })])).toEqual(['reworded-copy']);
    // Another source with the same words, in quotation marks, settles it; a paraphrase needs none.
    expect(rules('The mayor said he wanted "a total ceasefire".', [reworded, citation('urged “a total ceasefire”', { sentences: 'He urged “a total ceasefire”.' })])).toEqual([]);
    expect(rules('The mayor said he wanted a ceasefire.', [reworded])).toEqual([]);
    // The copy's quotation marks may hold reworded words: no speaker on them.
    const quoted = citation('“a total ceasefire”', { paragraph: 'The mayor called for “a total ceasefire”.', sentences: 'The mayor called for “a total ceasefire”.', speaker: 'mayor', source: copy });
    expect(rules('The mayor said he wanted a ceasefire.', [quoted])).toEqual(['reworded-copy']);
  });

  it("quoted-in-source: a speaker's words in quotation marks must be in quotation marks in the source", () => {
    const said = 'The mayor said two bridges were closed.';
    const paraphrase = citation('two bridges were closed', { paragraph: said, sentences: said });
    // The article's own paraphrase, put in quotation marks as the mayor's words.
    expect(rules('The mayor said "two bridges were closed".', [paraphrase])).toEqual(['quoted-in-source']);
    expect(rules('The mayor said two bridges were closed.', [paraphrase])).toEqual([]);
    const quoted = 'The mayor said “two bridges were closed”.';
    expect(rules('The mayor said "two bridges were closed".', [citation('“two bridges were closed”', { paragraph: quoted, sentences: quoted })])).toEqual([]);
    // Words given as the publication's own, or from the speaker's own document, are theirs to quote.
    expect(rules('Town News described the bridges as "closed".', [citation('two bridges were closed', { paragraph: said, sentences: said })])).toEqual([]);
    expect(rules('The mayor said "two bridges were closed".', [citation('two bridges were closed', { paragraph: said, sentences: said, source: { ...source, type: 'speech' } })])).toEqual([]);
  });

  it('unsupported-detail: names, numbers and dates must be in a passage, an alternate spelling of one, or follow from the date and a day word', () => {
    const passage = citation('On Tuesday, 12 soldiers were captured near Parukh, Armenian officials said.');
    expect(details('Armenia said 12 soldiers were captured near Parukh on 16 November 2021.', [passage])).toEqual([]);
    // "Farukh" is no spelling the data lists; 15 and Sunday's date are in no passage.
    expect(details('Armenia said 15 soldiers were captured near Parukh (Farukh) on 14 November 2021.', [passage])).toEqual(['14 November 2021', '15', 'Farukh']);
    const withAlternates: RuleContext = { ...englishRuleContext(), alternates: [['Parukh', 'Farukh']], known: new Set(['town', 'news']) };
    expect(details('Town News said soldiers were captured near Parukh (Farukh).', [passage], withAlternates)).toEqual([]);
    // A weekday must be its date's; an estimated publication date is not a fact to state.
    expect(details('On Monday 16 November 2021, soldiers were captured.', [passage])).toEqual(['Monday 16 November 2021']);
    expect(details('The report is dated 16 November 2021.', [citation('soldiers were captured', { source: { ...source, estimate: true } })])).toEqual(['16 November 2021']);
    expect(details('The report is dated 16 November 2021.', [citation('soldiers were captured')])).toEqual([]);
    // Month names without a year take the publication's ("since December", in June).
    expect(details('The road was blocked from December 2022.', [citation('blocked since December', { source: { ...source, published: '2023-06-28' } })])).toEqual([]);
  });

  it("speaker-words: a speaker's citation quotes the speaker's words, not the reporter's clause around them", () => {
    const analysis = 'Politically it matters for the mayor, who pledged that he would “force” a vote.';
    expect(rules('The mayor pledged to "force" a vote.', [citation(analysis, { paragraph: analysis, sentences: analysis, speaker: 'mayor' })])).toEqual(['speaker-words']);
    expect(rules('The mayor pledged to "force" a vote.', [citation('“force”', { paragraph: analysis, sentences: analysis, speaker: 'mayor' })])).toEqual([]);
    // Without quotation marks, the sentence must attribute the words to someone.
    const narration = 'The bridges closed on Monday.';
    expect(rules('The mayor said the bridges closed.', [citation(narration, { paragraph: narration, sentences: narration, speaker: 'mayor' })])).toEqual(['speaker-words']);
  });

  it('confusable-letters: a letter of another alphabet inside a word is reported with its position', () => {
    expect(confusableLetters('In Аrmenia')).toEqual([{ word: 'Аrmenia', letter: 'А', script: 'Cyrillic', wordScript: 'Latin', position: 4 }]);
    expect(confusableLetters('Armenia and Азербайджан')).toEqual([]);
    const violations = checkClaim('Two bridges were closed in Аrmenia, the mayor said.', '', [citation('two bridges were closed', { written: 'two bridges wеre closed' })]);
    expect(violations.filter((v) => v.rule === 'confusable-letters').map((v) => v.message)).toEqual([
      '"Аrmenia" in the claim mixes alphabets: "А" (U+0410, Cyrillic) among Latin letters, at character 28 of the claim',
      '"wеre" in the quote mixes alphabets: "е" (U+0435, Cyrillic) among Latin letters, at character 14 of the quote',
    ]);
  });

  it('finds what a source puts in quotation marks, nested and single, apostrophes aside', () => {
    const text = 'He said "a drone of the type "TB-2" struck" and called it ‘Azerbaijan’s doing’.';
    expect(quotedRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['"a drone of the type "TB-2" struck"', '"TB-2"', '‘Azerbaijan’s doing’']);
  });

  it('reads cue words per language: a language without them turns the attribution rules off', () => {
    const attributed = citation('two bridges were closed', { sentences: 'The mayor said two bridges were closed.' });
    expect(rules('Two bridges were closed.', [attributed], '', { ...englishRuleContext(), words: ruleWords('fr') })).toEqual([]);
    expect(ruleWords('fr').reportingCue).toBeUndefined();
    expect(ruleWords('en-GB').reportingCue?.test('the mayor said')).toBe(true);
    expect(ruleWords('fr', { fr: { reportingCues: ['a déclaré'] } }).reportingCue?.test('le maire a déclaré')).toBe(true);
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
    const spoken = citation('the bridges remain closed', { speaker: 'mayor', sentences: 'The mayor said the bridges remain closed.' });
    expect(rules('The exact day is not known.', [spoken])).toEqual(['speaker-statement']);
    expect(rules('The mayor said the bridges remained closed.', [spoken])).toEqual([]);
  });

  it('quote-length: at least three words, unless the quote is the whole paragraph', () => {
    expect(rules('A bridge said closed.', [citation('J')])).toEqual(['quote-length']);
    expect(rules('A bridge said closed.', [citation('bridges closed')])).toEqual(['quote-length']);
    expect(rules('The headline said "Closed".', [citation('Closed', { paragraph: 'Closed.' })])).toEqual(['quoted-in-source']);
    expect(rules('The headline said "Closed".', [citation('Closed', { paragraph: 'Closed.', source: { ...source, publisher: 'The headline' } })])).toEqual([]);
    // All the words the source puts in quotation marks are quote enough.
    expect(rules('The mayor said "Closed".', [citation('“Closed”', { paragraph: 'The mayor said “Closed”.' })])).toEqual([]);
  });

  it('finds the quoted words of a claim and the sentences around a passage', () => {
    expect(quotedWords('He said “a total ceasefire” and "urgent de-escalation".').map((q) => q.parts)).toEqual([['a total ceasefire'], ['urgent de-escalation']]);
    const paragraph = 'The river rose. The mayor said two bridges were closed. Traffic was diverted.';
    const start = paragraph.indexOf('two bridges');
    expect(sentencesAround(paragraph, start, start + 'two bridges'.length)).toBe('The mayor said two bridges were closed.');
  });
});
