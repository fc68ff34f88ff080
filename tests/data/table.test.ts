import { describe, expect, it } from 'vitest';
import { columnsOf, dictionary, toCsv } from '../../packages/cited-explainer/data/table.ts';
import { english } from '../../packages/cited-explainer/i18n/strings.ts';
import { citationRowSchema, glossaryRowSchema, incidentRowSchema } from '../../packages/cited-explainer/schemas/data.ts';
import { readCsv } from '../helpers/csv.ts';

describe('toCsv', () => {
  const csv = toCsv(
    ['name', 'altNames', 'count', 'editorial'],
    [
      { name: 'Shusha', altNames: ['Shushi'], count: 2, editorial: false },
      { name: 'He said "no", twice\nthen left', altNames: [], count: 0, editorial: true },
    ],
  );

  it('starts with a byte order mark and ends each line with CRLF', () => {
    expect(csv.startsWith('\uFEFFname,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('reads back field for field, quotes and commas included, a line break folded to a space; lists joined with "; "', () => {
    expect(readCsv(csv.slice(1))).toEqual([
      ['name', 'altNames', 'count', 'editorial'],
      ['Shusha', 'Shushi', '2', 'false'],
      ['He said "no", twice then left', '', '0', 'true'],
    ]);
    expect(toCsv(['places'], [{ places: ['Lachin', 'Goris'] }])).toContain('Lachin; Goris');
  });
  it('keeps every row on one line, whatever line breaks a cell holds', () => {
    const folded = toCsv(['a', 'b'], [{ a: 'one\r\ntwo\rthree\u2028four\u0085five', b: ['x\ny'] }]);
    expect(folded.slice(1).split('\r\n')).toEqual(['a,b', 'one two three four five,x y', '']);
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    const [, row] = readCsv(toCsv(['quote', 'count'], [{ quote: '=HYPERLINK("http://x")', count: -3 }]).slice(1));
    expect(row).toEqual(['\'=HYPERLINK("http://x")', '-3']);
    expect(readCsv(toCsv(['a'], [{ a: '@SUM(1)' }, { a: '+1' }, { a: 'fine - here' }]).slice(1)).slice(1)).toEqual([["'@SUM(1)"], ["'+1"], ['fine - here']]);
  });
});

describe('dictionary', () => {
  const words = (id: keyof typeof english.dataFields) => ({ fieldTypes: english.dataFieldTypes, fields: english.dataFields[id] });

  it.each([
    [incidentRowSchema, 'incidents'],
    [glossaryRowSchema, 'glossary'],
    [citationRowSchema, 'citations'],
  ] as const)('describes every column, in column order, in the locale’s words', (schema, id) => {
    const entries = dictionary(schema, words(id));
    expect(entries.map((entry) => entry.field)).toEqual(columnsOf(schema));
    for (const entry of entries) expect(entry.description.length, entry.field).toBeGreaterThan(10);
  });

  it('names types a reader understands', () => {
    const types = Object.fromEntries(dictionary(incidentRowSchema, words('incidents')).map((entry) => [entry.field, entry.type]));
    expect(types).toMatchObject({ title: 'text', continuing: 'true or false', places: 'list of text' });
    expect(Object.fromEntries(dictionary(citationRowSchema, words('citations')).map((entry) => [entry.field, entry.type])).start).toBe('whole number');
  });
});
