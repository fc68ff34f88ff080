import { describe, expect, it } from 'vitest';
import { citationRow, glossaryRow, incidentRow } from '../../packages/cited-explainer/data/rows.ts';
import { citationRowSchema, glossaryRowSchema, incidentRowSchema } from '../../packages/cited-explainer/schemas/data.ts';
import { glossarySchema } from '../../packages/cited-explainer/schemas/glossary.ts';
import { incidentSchema } from '../../packages/cited-explainer/schemas/incident.ts';

describe('download rows', () => {
  it('an incident row names its places and parties and gives its dates as written', () => {
    const data = incidentSchema.parse({
      title: 'The flood',
      summary: 'Water rose, the council said.[@town-news: the water rose]',
      when: 'w',
      where: 'w',
      start: '2024-05',
      places: ['weir'],
      parties: ['council'],
      updated: '2024-06-01',
    });
    const row = incidentRow({ id: '2024-05-flood', url: '/incidents/2024-05-flood/', data }, { place: (s) => `place:${s}`, party: (s) => `party:${s}` });
    expect(incidentRowSchema.parse(row)).toEqual({
      id: '2024-05-flood',
      title: 'The flood',
      start: '2024-05',
      end: '',
      continuing: false,
      places: ['place:weir'],
      parties: ['party:council'],
      summary: 'Water rose, the council said.',
      url: '/incidents/2024-05-flood/',
    });
  });

  it('a glossary row keeps the alternate names; a citation row has an empty speaker where none is named', () => {
    const data = glossarySchema.parse({ kind: 'place', name: 'Shusha', altNames: ['Shushi'], note: 'A town.' });
    expect(glossaryRowSchema.parse(glossaryRow({ id: 'shusha', data }, '/glossary/#shusha'))).toMatchObject({ slug: 'shusha', altNames: ['Shushi'], explanation: '', note: 'A town.' });
    const entry = { id: 'p/c/1', page: '/', anchor: 'c', claim: 'It rose.', source: 's', speaker: null, quote: 'rose', paragraph: 'p1', start: 3, end: 7, note: 1 };
    expect(citationRowSchema.parse(citationRow(entry))).toMatchObject({ speaker: '', start: 3, end: 7 });
  });
});
