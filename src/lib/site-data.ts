import { getCollection, render, type CollectionEntry } from 'astro:content';
import { buildLedger } from '../citations/ledger.ts';
import { pageCitationSchema, type Ledger, type PageCitation } from '../schemas/ledger.ts';
import { withBase } from './url.ts';

/**
 * Astro glue: the site's pages and ledger, read once per build. The remark plugin records each
 * page's citations as it compiles the page; rendering every page here collects them.
 */

export type PageEntry = CollectionEntry<'pages'>;

/** Root-relative path of an explainer page: content/pages/corridors/lachin.mdx → /corridors/lachin/. */
export function pagePath(entry: Pick<PageEntry, 'id'>): string {
  return entry.id === 'index' ? '/' : `/${entry.id.replace(/\/index$/, '')}/`;
}

export const pageUrl = (entry: Pick<PageEntry, 'id'>) => withBase(import.meta.env.BASE_URL, pagePath(entry));

export async function pageCitations(entry: PageEntry): Promise<PageCitation[]> {
  const { remarkPluginFrontmatter } = await render(entry);
  return pageCitationSchema.array().parse(remarkPluginFrontmatter.citations ?? []);
}

let ledger: Promise<Ledger> | undefined;

export function getLedger(): Promise<Ledger> {
  ledger ??= (async () => {
    const pages = await getCollection('pages');
    return buildLedger(await Promise.all(pages.map(async (entry) => ({ url: pageUrl(entry), citations: await pageCitations(entry) }))));
  })();
  return ledger;
}

export async function getSources() {
  const entries = await getCollection('sources');
  return new Map(entries.map((entry) => [entry.id, entry]));
}
