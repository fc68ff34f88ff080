import { describe, expect, it } from 'vitest';
import { groupByPage, incidentsInvolving, statementCounts, statementsBy } from '../../packages/cited-explainer/content-model/statements.ts';
import { partialDate } from '../../packages/cited-explainer/schemas/incident.ts';
import type { Ledger, LedgerEntry } from '../../packages/cited-explainer/schemas/ledger.ts';

let n = 0;
function entry(page: string, anchor: string, speaker: string | null, quote = `quote ${++n}`): LedgerEntry {
  return { id: `${page}/${anchor}/${n}`, anchor, claim: `claim ${anchor}`, source: 'src', speaker, quote, paragraph: 'p1', start: 0, end: 1, note: 1, page };
}

const ledger: Ledger = {
  notes: [],
  citations: [
    entry('/incidents/2021-11-16-a/', 'claim-one', 'russia-defence-ministry'),
    entry('/incidents/2021-11-16-a/', 'claim-one', 'russia-defence-ministry'),
    entry('/incidents/2021-11-16-a/', 'claim-one', null),
    entry('/incidents/2021-11-16-a/', 'claim-two', 'armenia'),
    entry('/incidents/2022-03-24-b/', 'claim-three', 'russia-defence-ministry'),
    entry('/background/', 'claim-four', 'russia-defence-ministry'),
  ],
};

describe('statements by speaker', () => {
  it('returns one statement per claim, with only the citations naming the speaker', () => {
    const statements = statementsBy(ledger, 'russia-defence-ministry');
    expect(statements.map((s) => `${s.page}#${s.anchor}`)).toEqual(['/incidents/2021-11-16-a/#claim-one', '/incidents/2022-03-24-b/#claim-three', '/background/#claim-four']);
    expect(statements[0].citations).toHaveLength(2);
    expect(statements[0].citations.every((c) => c.speaker === 'russia-defence-ministry')).toBe(true);
  });

  it('finds nothing for an actor nobody quotes, and never matches unattributed citations', () => {
    expect(statementsBy(ledger, 'turkey')).toEqual([]);
    expect(statementsBy(ledger, null as unknown as string)).toEqual([]);
  });

  it('groups statements by page in first-seen order', () => {
    const groups = groupByPage(statementsBy(ledger, 'russia-defence-ministry'));
    expect(groups.map((g) => [g.page, g.statements.length])).toEqual([
      ['/incidents/2021-11-16-a/', 1],
      ['/incidents/2022-03-24-b/', 1],
      ['/background/', 1],
    ]);
  });

  it('counts claims, not citations, per speaker', () => {
    const counts = statementCounts(ledger);
    expect(counts.get('russia-defence-ministry')).toBe(3);
    expect(counts.get('armenia')).toBe(1);
    expect(counts.has('null')).toBe(false);
  });
});

describe('incidents an actor appears in', () => {
  const incident = (id: string, start: string, parties: string[]) => ({ id, url: `/incidents/${id}/`, start: partialDate.parse(start), parties });
  const incidents = [incident('2022-03-24-b', '2022-03-24', ['azerbaijan']), incident('2021-11-16-a', '2021-11-16', ['armenia', 'azerbaijan']), incident('2023-06-27-c', '2023-06-27', ['armenia'])];

  it('includes incidents the actor is a party to or speaks on, in date order', () => {
    expect(incidentsInvolving(incidents, ledger, 'russia-defence-ministry').map((i) => i.id)).toEqual(['2021-11-16-a', '2022-03-24-b']);
    expect(incidentsInvolving(incidents, ledger, 'armenia').map((i) => i.id)).toEqual(['2021-11-16-a', '2023-06-27-c']);
  });

  it('does not count a statement on a non-incident page', () => {
    expect(incidentsInvolving(incidents, { citations: [entry('/background/', 'x', 'turkey')], notes: [] }, 'turkey')).toEqual([]);
  });
});
