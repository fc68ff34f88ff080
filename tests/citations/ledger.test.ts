import { describe, expect, it } from 'vitest';
import { buildLedger, citedBy, reportingSpan } from '../../packages/cited-explainer/citations/ledger.ts';
import type { PageCitation } from '../../packages/cited-explainer/schemas/ledger.ts';

const citation = (anchor: string, source: string, paragraph = 'p1', n = 1): PageCitation => ({
  id: `pages/x/${anchor}/${n}`,
  anchor,
  claim: `Claim ${anchor}.`,
  source,
  speaker: null,
  quote: 'words',
  paragraph,
  start: 0,
  end: 5,
  note: 1,
});

describe('ledger', () => {
  it('lists every citation with its page, pages in URL order', () => {
    const ledger = buildLedger([
      { url: '/b/', citations: [citation('claim-b', 's1')] },
      { url: '/a/', citations: [citation('claim-a', 's2'), citation('claim-a', 's1', 'p2', 2)] },
    ]);
    expect(ledger.citations.map((c) => [c.page, c.anchor, c.source])).toEqual([
      ['/a/', 'claim-a', 's2'],
      ['/a/', 'claim-a', 's1'],
      ['/b/', 'claim-b', 's1'],
    ]);
  });

  it('groups the claims citing a source by page, each claim once', () => {
    const ledger = buildLedger([
      { url: '/a/', citations: [citation('claim-a', 's1'), citation('claim-a', 's1', 'p3', 2), citation('claim-c', 's1', 'p4')] },
      { url: '/b/', citations: [citation('claim-b', 's1', 'p2'), citation('claim-d', 's2')] },
    ]);
    expect(citedBy(ledger, 's1')).toEqual([
      {
        page: '/a/',
        claims: [
          { anchor: 'claim-a', claim: 'Claim claim-a.', paragraph: 'p1' },
          { anchor: 'claim-c', claim: 'Claim claim-c.', paragraph: 'p4' },
        ],
      },
      { page: '/b/', claims: [{ anchor: 'claim-b', claim: 'Claim claim-b.', paragraph: 'p2' }] },
    ]);
    expect(citedBy(ledger, 'nobody')).toEqual([]);
  });

  it('computes the span of reporting a page draws on', () => {
    const sources = new Map([
      ['s1', { published: { date: '2022-03-25', time: null, timezone: null, estimate: true, basis: null } }],
      ['s2', { published: { date: '2021-11-16', time: null, timezone: null, estimate: false, basis: null } }],
    ]);
    expect(reportingSpan([citation('a', 's1'), citation('b', 's2')], sources)).toEqual({ from: '2021-11-16', to: '2022-03-25' });
    expect(reportingSpan([], sources)).toBeUndefined();
  });
});
