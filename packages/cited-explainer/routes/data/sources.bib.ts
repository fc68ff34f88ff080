import type { APIRoute } from 'astro';
import { toBibtex } from '../../cite/export.ts';
import { sourceCslItem } from '../../cite/item.ts';
import { entriesOf } from '../../lib/collection-entries.ts';
import { siteConfig, siteLocale } from '../../lib/site.ts';

/** /data/sources.bib: every archived source's original article, for reference managers. */
export const GET: APIRoute = async () => {
  const sources = (await entriesOf('sources')).sort((a, b) => a.id.localeCompare(b.id));
  return new Response(toBibtex(sources.map((source) => sourceCslItem(source.data, import.meta.env.BASE_URL, siteConfig.url, siteLocale.strings.sourceRecord))));
};
