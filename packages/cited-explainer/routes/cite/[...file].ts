import type { APIRoute, GetStaticPaths } from 'astro';
import { type CitedPage, downloadBody } from '../../cite/download-files.ts';
import { type CiteFormat, type CslItem, citeFilePath, pageCslItem, sourceCslItem } from '../../cite/item.ts';
import { buildWriters } from '../../integration/build-writers-channel.ts';
import { entriesOf } from '../../lib/collection-entries.ts';
import { pagePath } from '../../lib/routes.ts';
import { siteConfig, siteLocale } from '../../lib/site.ts';
import { incidentPath } from '../../lib/site-data.ts';
import { siteReviewed, undatedPages } from '../../lib/undated-pages.ts';
import { sourcePath } from '../../lib/url.ts';

/**
 * The "Cite this page" downloads: BibTeX, RIS and CSL-JSON for every page that shows the block:
 * explainer pages, incidents, archived sources (the original article), and the pages made from the
 * site's data (actors and their index, the glossary, the timeline, the list of sources, the data
 * page: lib/undated-pages.ts), at /cite/<page path>.<bib|ris|json> (see citeFilePath).
 * A production build hands the list to its worker thread, which writes the files while Astro
 * renders the pages (integration/build-done-writers.ts), and routes none itself; `astro dev`
 * serves them from here.
 */
export const getStaticPaths = (async () => {
  const base = import.meta.env.BASE_URL;
  // In the order Astro renders their pages (its routes with a fixed segment before the catch-all of
  // explainer pages), which the build's worker formats from the other end (build-writers-worker.ts).
  const reviewed = await siteReviewed();
  const undated = reviewed ? (await undatedPages()).map(({ path, title }) => ({ path, item: pageCslItem({ page: { title, updated: reviewed }, site: siteConfig, path, base }) })) : [];
  const cited: CitedPage[] = [
    ...undated,
    ...(await entriesOf('incidents')).map((entry) => ({ path: incidentPath(entry), item: pageCslItem({ page: entry.data, site: siteConfig, path: incidentPath(entry), base }) })),
    ...(await entriesOf('sources')).map((entry) => ({ path: sourcePath(entry.id), item: sourceCslItem(entry.data, base, siteConfig.url, siteLocale.strings.sourceRecord) })),
    ...(await entriesOf('pages')).map((entry) => ({ path: pagePath(entry), item: pageCslItem({ page: entry.data, site: siteConfig, path: pagePath(entry), base }) })),
  ];
  if (import.meta.env.PROD) {
    const writers = buildWriters();
    if (!writers) throw new Error('routes/cite: the build writers are not running (integration/build-done-writers.ts), so no "Cite this page" file would be written');
    writers.citeDownloads(cited);
    return [];
  }
  const formats = Object.keys(downloadBody) as CiteFormat[];
  return cited.flatMap(({ path, item }) => formats.map((format) => ({ params: { file: citeFilePath(path, format).slice('/cite/'.length) }, props: { item, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { item, format } = props as { item: CslItem; format: CiteFormat };
  return new Response(downloadBody[format](item));
};
