import { describe, expect, it } from 'vitest';
import { findCitations } from '../../packages/cited-explainer/citations/syntax.ts';

describe('findCitations', () => {
  it('reads source id, quote and position', () => {
    const text = 'Claim.[@river-report: two bridges] More.';
    const { tokens, problems } = findCitations(text);
    expect(problems).toEqual([]);
    expect(tokens).toEqual([{ sourceId: 'river-report', speaker: undefined, quote: 'two bridges', from: 6, to: 34 }]);
    expect(text.slice(6, 34)).toBe('[@river-report: two bridges]');
  });

  it('reads a speaker and balanced brackets inside the passage', () => {
    const { tokens } = findCitations('[@a-b (armenia-mfa): steps aimed at de-escalation [in Karabakh], it said]');
    expect(tokens[0]).toMatchObject({ sourceId: 'a-b', speaker: 'armenia-mfa', quote: 'steps aimed at de-escalation [in Karabakh], it said' });
  });

  it('reads several citations in a row', () => {
    expect(findCitations('x[@a: one][@b: two]').tokens.map((t) => t.sourceId)).toEqual(['a', 'b']);
  });

  it('reports a malformed or unclosed citation', () => {
    expect(findCitations('x [@: words]').problems[0].message).toMatch(/must read \[@source-id: /);
    expect(findCitations('x [@a: words').problems[0].message).toMatch(/no closing "\]"/);
  });

  it('leaves ordinary brackets alone', () => {
    expect(findCitations('[a link] and [1]')).toEqual({ tokens: [], problems: [] });
  });
});

describe('findCitations at scale', () => {
  it('reads 16,000 unclosed openers in one pass over the brackets', () => {
    const { problems } = findCitations('[@a: x '.repeat(16_000));
    expect(problems).toHaveLength(16_000);
    expect(problems.every((p) => p.unclosed)).toBe(true);
  });
});
