import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { buildCache } from './build-cache.ts';

/**
 * A Markdown page's rendered HTML, kept in a file of its own rather than in Astro's content store.
 *
 * Astro's glob loader renders a Markdown page as it loads it and keeps the HTML in the content
 * store, which the build bundles as one JavaScript string literal: V8 compiles that in time that
 * grows with the square of its length (about 200 s of a 5,000-page build; docs/performance.md),
 * and every page is held in memory from loading to the end of the build. So the loader writes each
 * page's HTML to a file named by the entry's id and digest (a changed file has a new digest), in a
 * folder per collection beside the store that names it (the build's, or the dev server's), leaves
 * the store its headings and citations, and the page's route reads the file when it renders the
 * page. The folder goes with its store: removed with it when the code changes
 * (integration/content-store-stamp.ts), and pruned to the store's pages after each full load. MDX
 * pages are compiled as modules and never had their HTML in the store.
 */

/** The folder's name beside the content store (in the build's cache folder, or .astro/ under astro dev). */
export const PAGE_HTML_CACHE = 'page-html';

/** The mark a stored entry carries when its HTML is in the folder instead. */
const KEPT_APART = 'htmlKeptApart';

interface RenderedEntry {
  collection: string;
  id: string;
  digest?: string | number;
  rendered?: Awaited<ReturnType<LoaderContext['renderMarkdown']>>;
}

const cacheKey = (id: string, digest: string | number | undefined) => [id, String(digest)];
const keptApart = (entry: Pick<RenderedEntry, 'rendered'>) => entry.rendered?.metadata?.[KEPT_APART] === true;

/** The rendered-HTML folder `dir`: the loader's side and the route's. */
export function pageHtmlFolder(dir: string) {
  const cacheOf = (collection: string) => buildCache(join(dir, collection), 'html');
  return {
    /**
     * Wraps a file loader (Astro's glob) so that each page it renders leaves its HTML here. A stored
     * page whose file is missing (a folder cleared by hand) is dropped first, so that the loader
     * renders it again rather than keep an entry without its page; after the load, files no stored
     * page names (earlier versions of edited pages, removed pages) are removed.
     */
    keepingHtmlApart(loader: Loader): Loader {
      return {
        ...loader,
        load: async (context) => {
          const { collection, store } = context;
          const cache = cacheOf(collection);
          for (const [id, entry] of store.entries()) if (keptApart(entry) && !cache.has(cacheKey(id, entry.digest))) store.delete(id);
          const set: typeof store.set = (entry) => {
            const { rendered } = entry;
            // Pages with local images keep Astro's own path: render() rewrites their image references in the HTML.
            if (!rendered?.html || rendered.metadata?.imagePaths?.length) return store.set(entry);
            cache.write(cacheKey(entry.id, entry.digest), rendered.html);
            return store.set({ ...entry, rendered: { html: '', metadata: { ...rendered.metadata, [KEPT_APART]: true } } });
          };
          await loader.load({ ...context, store: { ...store, set } });
          cache.prune(store.entries().flatMap(([id, entry]) => (keptApart(entry) ? [cacheKey(id, entry.digest)] : [])));
        },
      };
    },
    /** The page's HTML when the loader kept it here; undefined when the store has it (render() gives it). */
    read(entry: RenderedEntry): string | undefined {
      if (!keptApart(entry)) return undefined;
      const html = cacheOf(entry.collection).read(cacheKey(entry.id, entry.digest));
      if (html === undefined) throw new Error(`${entry.collection}/${entry.id}: its rendered HTML is missing from ${dir}; build again`);
      return new TextDecoder().decode(html);
    },
  };
}
