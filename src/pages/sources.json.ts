import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toCslItem } from '../citations/csl.ts';
import { sourcePath, withBase } from '../lib/url.ts';

/** The sources as CSL-JSON, with our own provenance fields. */
export const GET: APIRoute = async () => {
  const sources = await getCollection('sources');
  const items = sources
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((source) => toCslItem(source.data, withBase(import.meta.env.BASE_URL, sourcePath(source.id))));
  return new Response(`${JSON.stringify(items, null, 1)}\n`);
};
