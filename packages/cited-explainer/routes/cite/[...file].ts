import { getCollection } from 'astro:content';
import type { APIRoute, GetStaticPaths } from 'astro';
import { citeFileBody, citeFormats } from '../../cite/block.ts';
import { formatCitation } from '../../cite/format.ts';
import { type CiteFormat, type CslItem, citeFilePath, pageCslItem, sourceCslItem } from '../../cite/item.ts';
import { pagePath } from '../../lib/routes.ts';
import { siteConfig, siteLocale } from '../../lib/site.ts';
import { incidentPath } from '../../lib/site-data.ts';
import { sourcePath } from '../../lib/url.ts';

/**
 * The "Cite this page" downloads: BibTeX, RIS and CSL-JSON for every explainer page, incident and
 * archived source (the original article), at /cite/<page path>.<bib|ris|json> (see citeFilePath).
 */
export const getStaticPaths = (async () => {
  const base = import.meta.env.BASE_URL;
  const cited: Array<{ path: string; item: CslItem }> = [
    ...(await getCollection('pages')).map((entry) => ({ path: pagePath(entry), item: pageCslItem({ page: entry.data, site: siteConfig, path: pagePath(entry), base }) })),
    ...(await getCollection('incidents')).map((entry) => ({ path: incidentPath(entry), item: pageCslItem({ page: entry.data, site: siteConfig, path: incidentPath(entry), base }) })),
    ...(await getCollection('sources')).map((entry) => ({ path: sourcePath(entry.id), item: sourceCslItem(entry.data, base, siteConfig.url, siteLocale.strings.sourceRecord) })),
  ];
  return cited.flatMap(({ path, item }) => citeFormats.map(({ format }) => ({ params: { file: citeFilePath(path, format).slice('/cite/'.length) }, props: { item, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { item, format } = props as { item: CslItem; format: CiteFormat };
  return new Response(citeFileBody(formatCitation(item), format));
};
