import { describe, expect, it } from 'vitest';
import { fromSentenceStart } from '../../packages/cited-explainer/search/excerpt.ts';

describe('fromSentenceStart', () => {
  it('starts at the sentence that holds the first match', () => {
    expect(fromSentenceStart('the end of one. Then the <mark>road</mark> was closed.', 20)).toBe('Then the <mark>road</mark> was closed.');
    expect(fromSentenceStart('said so.” Later that <mark>day</mark> both sides agreed', 20)).toBe('Later that <mark>day</mark> both sides agreed');
  });

  it('keeps an excerpt that starts with a capital, and marks one that starts mid-sentence', () => {
    expect(fromSentenceStart('The <mark>road</mark> was closed.', 20)).toBe('The <mark>road</mark> was closed.');
    expect(fromSentenceStart('of the <mark>road</mark> was closed', 20)).toBe('… of the <mark>road</mark> was closed');
  });

  it('takes the last sentence start before the match, not one after it', () => {
    expect(fromSentenceStart('One. Two <mark>x</mark> three. Four.', 20)).toBe('Two <mark>x</mark> three. Four.');
  });

  it('cuts to the words asked for, and says so', () => {
    expect(fromSentenceStart('A <mark>b</mark> c d e f', 3)).toBe('A <mark>b</mark> c …');
  });

  it('starts near the match when its sentence began too far before it', () => {
    const long = `${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')} <mark>hit</mark> end`;
    const excerpt = fromSentenceStart(long, 10);
    expect(excerpt.startsWith('… w26')).toBe(true);
    expect(excerpt).toContain('<mark>hit</mark>');
  });
});
