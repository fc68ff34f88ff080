import { withBase } from '../lib/url.ts';
import { BUNDLE_DIR, EXCERPT_WORDS, HIGHLIGHT_PARAM, RANKING } from './config.ts';

/** The parts of Pagefind's browser API (pagefind.js, 1.6) that the search UI uses. */

export type Filters = Record<string, unknown>;
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text?: string };
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindSearch>;
  preload(term: string, options?: { filters?: Filters }): Promise<void>;
  filters(): Promise<FilterCounts>;
}

export const base = import.meta.env.BASE_URL;
export const bundleUrl = (file: string) => withBase(base, `/${BUNDLE_DIR}/${file}`);

let loaded: Promise<Pagefind> | undefined;

/** Pagefind, from our own origin under the site's base path, configured once. */
export function pagefind(): Promise<Pagefind> {
  loaded ??= (async () => {
    const pf = (await import(/* @vite-ignore */ bundleUrl('pagefind.js'))) as Pagefind;
    // noWorker: Pagefind would otherwise search in a Web Worker (pagefind-worker.js, a second copy
    // of its 43 KB of code: 12 KB more gzip for a first search); on this index a search takes a few
    // ms, and the messages to and from the worker cost more than that (warm queries took twice as long).
    await pf.options({ baseUrl: withBase(base, '/'), highlightParam: HIGHLIGHT_PARAM, ranking: RANKING, excerptLength: EXCERPT_WORDS, noWorker: true });
    await pf.init();
    // Loading every filter once makes each search return its counts per filter value.
    await pf.filters();
    return pf;
  })();
  return loaded;
}
