import type { APIRoute } from 'astro';
import { sourceCslItem } from '../cite/item.ts';
import { entriesOf } from '../lib/collection-entries.ts';
import { siteConfig, siteLocale } from '../lib/site.ts';

/** The sources as CSL-JSON (the record every citation export is made from), with our own provenance fields under `custom`. */
export const GET: APIRoute = async () => {
  const sources = await entriesOf('sources');
  const items = sources.sort((a, b) => a.id.localeCompare(b.id)).map((source) => sourceCslItem(source.data, import.meta.env.BASE_URL, siteConfig.url, siteLocale.strings.sourceRecord));
  return new Response(`${JSON.stringify(items, null, 1)}\n`);
};
