import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { ALIASES_FILE, BUNDLE_DIR, EXCLUDE_SELECTORS } from './config.ts';

/**
 * Search for the built site: injects the alias map route, and once Astro has written the site,
 * indexes it with Pagefind's Node API and writes the search bundle to <outDir>/pagefind/.
 *
 * What is indexed is decided by the pages themselves: each page's <main data-pagefind-body>
 * (src/layouts/Base.astro; pages that opt out, like /search/, are left out), minus the
 * EXCLUDE_SELECTORS (navigation sits outside <main>; citation previews and endnotes are
 * excluded by selector), with filters and alias metadata from src/components/SearchMeta.astro.
 */
export default function search(): AstroIntegration {
  return {
    name: 'explainer-search',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: `/${BUNDLE_DIR}/${ALIASES_FILE}`, entrypoint: new URL('./aliases.json.ts', import.meta.url), prerender: true });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(site, BUNDLE_DIR) });
          if (written.errors.length) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}

