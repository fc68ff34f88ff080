import { getContentModel } from '../content-model/load.ts';
import { getLedger } from '../content-model/site-ledger.ts';
import { citationRow, glossaryRow, incidentRow } from '../data/rows.ts';
import { columnsOf, toCsv } from '../data/table.ts';
import type { Strings } from '../i18n/strings.ts';
import { citationRowSchema, glossaryRowSchema, incidentRowSchema, type RowSchema } from '../schemas/data.ts';
import { siteConfig, siteLocale } from './site.ts';
import { absoluteUrl, withBase } from './url.ts';

/**
 * Astro glue: the files offered on /data/, each with what the page says of it. A dataset the
 * content folder has no entries for is left out.
 */
export interface Dataset {
  /** The files' stem ("incidents"), the id of the dataset's section on /data/, and its words' key in the locale (datasets). */
  id: DatasetId;
  name: string;
  /** What one row is. */
  row: string;
  schema: RowSchema;
  rows: Array<Record<string, unknown>>;
  /** The files, by name under /data/, with their text. */
  files: Array<{ file: string; format: 'CSV' | 'JSON'; body: string }>;
  /** The same data published elsewhere on the site (the ledger at /citations.json). */
  alsoAt: Array<{ href: string; file: string; format: 'JSON'; note: string }>;
}

type Format = Dataset['files'][number]['format'];
type DatasetId = keyof Strings['datasets'];

const asFiles = (stem: string, formats: readonly Format[], schema: RowSchema, rows: Dataset['rows']): Dataset['files'] =>
  formats.map((format) =>
    format === 'CSV'
      ? { file: `${stem}.csv`, format, body: toCsv(columnsOf(schema), rows as Parameters<typeof toCsv>[1]) }
      : { file: `${stem}.json`, format, body: `${JSON.stringify(rows, null, 2)}\n` },
  );

let datasets: Promise<Dataset[]> | undefined;

export function getDatasets(): Promise<Dataset[]> {
  datasets ??= (async () => {
    const base = import.meta.env.BASE_URL;
    // A spreadsheet has no page to resolve a link against: addresses are absolute where the site's is known.
    const published = (path: string) => absoluteUrl(path, siteConfig.url);
    const model = await getContentModel();
    const ledger = await getLedger();
    const nameOf = {
      place: (slug: string) => model.glossary.get(slug)?.data.name ?? slug,
      party: (slug: string) => model.actors.get(slug)?.data.name ?? slug,
    };
    const words = siteLocale.strings.datasets;
    // The ledger is published as JSON at /citations.json already: here it adds a spreadsheet.
    const all: Array<Omit<Dataset, 'files' | 'alsoAt'> & { formats: Format[]; alsoAt?: Dataset['alsoAt'] }> = [
      {
        id: 'incidents',
        formats: ['CSV', 'JSON'],
        name: words.incidents.name,
        row: words.incidents.row,
        schema: incidentRowSchema,
        rows: model.incidents.map((i) => incidentRow({ id: i.id, url: published(i.url), data: i.entry.data }, nameOf)),
      },
      {
        id: 'glossary',
        formats: ['CSV', 'JSON'],
        name: words.glossary.name,
        row: words.glossary.row,
        schema: glossaryRowSchema,
        rows: [...model.glossary.values()].map((g) => glossaryRow(g, published(withBase(base, `/glossary/#${g.id}`)))),
      },
      {
        id: 'citations',
        formats: ['CSV'],
        name: words.citations.name,
        row: words.citations.row,
        schema: citationRowSchema,
        rows: ledger.citations.map(citationRow),
        alsoAt: [{ href: withBase(base, '/citations.json'), file: 'citations.json', format: 'JSON', note: words.citations.alsoAt }],
      },
    ];
    return all.filter((set) => set.rows.length > 0).map(({ formats, alsoAt = [], ...set }) => ({ ...set, alsoAt, files: asFiles(set.id, formats, set.schema, set.rows) }));
  })();
  return datasets;
}
