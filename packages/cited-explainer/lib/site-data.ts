import { type CollectionEntry, render } from 'astro:content';
import type { CitingDocument } from '../content-model/cross-references.ts';
import { type PageCitation, type PageNote, pageCitationSchema, pageNoteSchema } from '../schemas/ledger.ts';
import { entriesOf } from './collection-entries.ts';
import { entryFile, entryText } from './entry-file.ts';
import { pagePath } from './routes.ts';
import { siteLocale } from './site.ts';
import { withBase } from './url.ts';

/**
 * Astro glue: the site's pages and their citations, read once per build. The remark plugin records
 * each page's citations as it compiles the page; rendering every page here collects them. The
 * ledger, which also needs the content model's cited fields, is content-model/site-ledger.ts.
 */

export type PageEntry = CollectionEntry<'pages'>;

export const pageUrl = (entry: Pick<PageEntry, 'id'>) => withBase(import.meta.env.BASE_URL, pagePath(entry));

export type IncidentEntry = CollectionEntry<'incidents'>;

/** Incidents live at /incidents/<file name>/, a URL teachers link to: the file name is the contract. */
export const incidentPath = (entry: Pick<IncidentEntry, 'id'>) => `/incidents/${entry.id}/`;
export const incidentUrl = (entry: Pick<IncidentEntry, 'id'>) => withBase(import.meta.env.BASE_URL, incidentPath(entry));

export async function pageCitations(entry: PageEntry | IncidentEntry): Promise<PageCitation[]> {
  const { remarkPluginFrontmatter } = await render(entry);
  return pageCitationSchema.array().parse(remarkPluginFrontmatter.citations ?? []);
}

/** The page's own remarks (<Note>, :::note), as the citation plugin recorded them. */
export async function pageNotes(entry: PageEntry | IncidentEntry): Promise<PageNote[]> {
  const { remarkPluginFrontmatter } = await render(entry);
  return pageNoteSchema.array().parse(remarkPluginFrontmatter.notes ?? []);
}

/** A document whose MDX body carries citations (the content model's CitingDocument), with the URL its claims are published at. */
export interface PublishedDocument extends CitingDocument {
  url: string;
  citations: PageCitation[];
  notes: PageNote[];
}

let documents: Promise<PublishedDocument[]> | undefined;

/** Every collection with cited MDX bodies: explainer pages and incidents. */
export function getCitingDocuments(): Promise<PublishedDocument[]> {
  documents ??= (async () => {
    const entries: Array<{ entry: PageEntry | IncidentEntry; url: string }> = [
      ...(await entriesOf('pages')).map((entry) => ({ entry, url: pageUrl(entry) })),
      ...(await entriesOf('incidents')).map((entry) => ({ entry, url: incidentUrl(entry) })),
    ];
    return Promise.all(
      entries.map(async ({ entry, url }) => {
        return {
          url,
          file: entryFile(entry),
          text: entryText(entry),
          citations: await pageCitations(entry),
          notes: await pageNotes(entry),
        };
      }),
    );
  })();
  return documents;
}

let pageTitles: Promise<Map<string, string>> | undefined;

/** Titles of every page the ledger can point to, by URL, for "cited by" and "said on" lists; read once per build. */
export function getPageTitles(): Promise<Map<string, string>> {
  pageTitles ??= (async () =>
    new Map([
      ...(await entriesOf('pages')).map((entry) => [pageUrl(entry), entry.data.title] as const),
      ...(await entriesOf('incidents')).map((entry) => [incidentUrl(entry), entry.data.title] as const),
      // Actor pages, the glossary and the timeline cite sources through their data fields: a "Cited by" list names them too.
      ...(await entriesOf('actors')).map((entry) => [withBase(import.meta.env.BASE_URL, `/actors/${entry.id}/`), entry.data.name] as const),
      [withBase(import.meta.env.BASE_URL, '/glossary/'), siteLocale.strings.glossary.title] as const,
      [withBase(import.meta.env.BASE_URL, '/incidents/'), siteLocale.strings.incidents.title] as const,
    ]))();
  return pageTitles;
}

export async function getSources() {
  const entries = await entriesOf('sources');
  return new Map(entries.map((entry) => [entry.id, entry]));
}

let sourceMeta: Promise<Map<string, CollectionEntry<'sources'>['data']>> | undefined;

/** Each archived source's metadata by id (for reporting spans), read once per build. */
export function getSourceMeta(): Promise<Map<string, CollectionEntry<'sources'>['data']>> {
  sourceMeta ??= getSources().then((sources) => new Map([...sources].map(([id, source]) => [id, source.data])));
  return sourceMeta;
}
