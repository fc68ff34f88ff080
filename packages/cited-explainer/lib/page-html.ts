import type { Loader, LoaderContext } from 'astro/loaders';
import { buildCache } from './build-cache.ts';

/**
 * A Markdown page's rendered HTML, kept in a file of its own rather than in Astro's content store.
 *
 * Astro's glob loader renders a Markdown page as it loads it and keeps the HTML in the content
 * store, which the build bundles as one JavaScript string literal: V8 compiles that in time that
 * grows with the square of its length (about 200 s of a 5,000-page build; docs/performance.md),
 * and every page is held in memory from loading to the end of the build. So the loader writes each
 * page's HTML to a file named by the entry's collection, id and digest (a changed file has a new
 * digest, so it can never be served an older page), leaves the store its headings and citations,
 * and the page's route reads the file when it renders the page. The content store stamp
 * (integration/content-store-stamp.ts) still makes new code render every page again, which writes
 * each file anew. MDX pages are compiled as modules and never had their HTML in the store.
 */

/** The folder's name in the build's cache folder (config.cacheDir). */
export const PAGE_HTML_CACHE = 'page-html';

/** The mark a stored entry carries when its HTML is in the folder instead. */
const KEPT_APART = 'htmlKeptApart';

interface RenderedEntry {
  collection: string;
  id: string;
  digest?: string | number;
  rendered?: Awaited<ReturnType<LoaderContext['renderMarkdown']>>;
}

const cacheKey = (collection: string, id: string, digest: string | number | undefined) => [collection, id, String(digest)];

/** The rendered-HTML folder `dir` (in the build's cache folder): the loader's side and the route's. */
export function pageHtmlFolder(dir: string) {
  const cache = buildCache(dir, 'html');
  return {
    /**
     * Wraps a file loader (Astro's glob) so that each page it renders leaves its HTML here; a stored
     * page whose file is missing (a cache folder cleared by hand) is dropped first, so that the loader
     * renders it again rather than keep an entry without its page.
     */
    keepingHtmlApart(loader: Loader): Loader {
      return {
        ...loader,
        load: (context) => {
          const { collection, store } = context;
          for (const [id, entry] of store.entries()) {
            if (entry.rendered?.metadata?.[KEPT_APART] && cache.read(cacheKey(collection, id, entry.digest)) === undefined) store.delete(id);
          }
          const set: typeof store.set = (entry) => {
            const { rendered } = entry;
            // Pages with local images keep Astro's own path: render() rewrites their image references in the HTML.
            if (!rendered?.html || rendered.metadata?.imagePaths?.length) return store.set(entry);
            cache.write(cacheKey(collection, entry.id, entry.digest), rendered.html);
            return store.set({ ...entry, rendered: { html: '', metadata: { ...rendered.metadata, [KEPT_APART]: true } } });
          };
          return loader.load({ ...context, store: Object.create(store, { set: { value: set } }) });
        },
      };
    },
    /** The page's HTML when the loader kept it here; undefined when the store has it (render() gives it). */
    read(entry: RenderedEntry): string | undefined {
      if (!entry.rendered?.metadata?.[KEPT_APART]) return undefined;
      const html = cache.read(cacheKey(entry.collection, entry.id, entry.digest));
      if (html === undefined) throw new Error(`${entry.collection}/${entry.id}: its rendered HTML is missing from ${dir}; build again`);
      return Buffer.from(html).toString('utf8');
    },
  };
}
