import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { backgroundSteps, buildStep } from '../lib/build-step.ts';
import { ContentError } from '../lib/content-error.ts';
import { collectionDir } from '../lib/content-layout.ts';
import { contentRoute, routeCollisions } from '../lib/routes.ts';
import { currentShard } from '../lib/shard.ts';
import { SCRIPTS_DIR } from '../search/browser-bundle.ts';
import { type BuiltSite, checkBuiltSite, contentPageFiles, DIST_CHECK_CACHE, distReport } from './dist-files.ts';

/** Publishes /_headers, the site's security headers for static hosts that read such a file. */
export default function securityHeaders(): AstroIntegration {
  return {
    name: 'explainer-security-headers',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/_headers', entrypoint: new URL('./headers.ts', import.meta.url), prerender: true });
      },
    },
  };
}

/**
 * The build's own checks, registered after every other integration: before anything is built, no
 * content page may take another's address or one the generator publishes (routes.ts); after
 * everything is written, dist/ must hold what it should and nothing else (dist-check.ts).
 */
export function buildChecks({ contentDir, site, searchStrings }: Omit<BuiltSite, 'base'>): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  return {
    name: 'explainer-build-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:routes:resolved': ({ routes }) => {
        const pages = contentPageFiles(contentDir).map((file) => ({ file: relative(process.cwd(), join(collectionDir(contentDir, 'pages'), file)), route: contentRoute(file) }));
        // Folders the integrations write into dist/ beside the routes: Astro's assets and the search code.
        const [collision] = routeCollisions(pages, [...routes.map((route) => route.pattern), '/_astro', `/${SCRIPTS_DIR}`]);
        if (collision) throw new ContentError(collision);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The search index is still being written (search/integration.ts): the check scans the
        // pages meanwhile, and checks the whole site once the index is done. A failed index fails
        // the build with its own error, before the check's.
        let indexedAt = 0;
        const indexed = backgroundSteps().finally(() => {
          indexedAt = performance.now();
        });
        const checked = buildStep('dist check', async () => {
          // A shard holds part of the site: the merge of the shards checks the whole (integration/shard.ts).
          if (currentShard()) {
            logger.info('dist check: left to the merge of the shards (scripts/build-shards.ts)');
            return;
          }
          const started = performance.now();
          const problems = await checkBuiltSite(
            fileURLToPath(dir),
            { contentDir, base, site, searchStrings },
            join(cacheDir, DIST_CHECK_CACHE),
            indexed.catch(() => undefined),
          );
          if (problems.length > 0) throw new Error(distReport(problems));
          // The time after the index was done: the pages were scanned while it was written.
          logger.info(`the built site holds what it should and nothing else (${Math.round(performance.now() - Math.max(started, indexedAt))} ms)`);
        });
        checked.catch(() => undefined);
        await indexed;
        await checked;
      },
    },
  };
}
