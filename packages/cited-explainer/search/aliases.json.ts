import type { APIRoute } from 'astro';
import type { AliasMap } from './alias-map.ts';
import { aliasEntries, publications } from './alias-source.ts';

/**
 * The alias map the search UI fetches when a reader starts to search (see alias-map.ts), injected
 * as a route by search/integration.ts so that it is served beside the Pagefind bundle.
 */
export const GET: APIRoute = async () => {
  const map: AliasMap = { entries: await aliasEntries(import.meta.env.BASE_URL), publications: await publications(import.meta.env.BASE_URL) };
  return new Response(JSON.stringify(map), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
