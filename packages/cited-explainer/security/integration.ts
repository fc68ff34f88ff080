import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { backgroundSteps, buildStep, buildStepInBackground } from '../lib/build-step.ts';
import { ContentError } from '../lib/content-error.ts';
import { collectionDir } from '../lib/content-layout.ts';
import { contentRoute, routeCollisions } from '../lib/routes.ts';
import { currentShard } from '../lib/shard.ts';
import { SCRIPTS_DIR } from '../search/browser-bundle.ts';
import { type BuiltSite, contentPageFiles, DIST_CHECK_CACHE, distReport, type SiteCheck, siteCheck } from './dist-files.ts';

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
 * The build's own checks: before anything is built, no content page may take another's address or
 * one the generator publishes (routes.ts); after everything is written, dist/ must hold what it
 * should and nothing else (dist-check.ts). Two integrations: `scanAhead`, registered right after
 * the search index's, scans the pages in the background while Pagefind (in a process of its own)
 * indexes them and the preview images are written; `check`, registered after every other, waits
 * for every background step, then checks the whole site, scanning again only a page that changed.
 */
export function buildChecks({ contentDir, site, searchStrings }: Omit<BuiltSite, 'base'>): { scanAhead: AstroIntegration; check: AstroIntegration } {
  let base = '/';
  let cacheDir = '';
  let prepared: Promise<SiteCheck> | undefined;
  const prepare = (dir: URL) => {
    prepared ??= siteCheck(fileURLToPath(dir), { contentDir, base, site, searchStrings }, join(cacheDir, DIST_CHECK_CACHE));
    return prepared;
  };
  // Each build of the process (a second `astro build`, a shard) checks its own site afresh.
  const configDone = ({ config }: { config: AstroConfig }) => {
    base = config.base;
    cacheDir = fileURLToPath(config.cacheDir);
    prepared = undefined;
  };
  return {
    scanAhead: {
      name: 'explainer-build-checks-ahead',
      hooks: {
        'astro:config:done': configDone,
        // A shard holds part of the site: the merge of the shards checks the whole (integration/shard.ts).
        'astro:build:done': ({ dir, logger }) => {
          if (currentShard()) return;
          buildStepInBackground('dist check', async () => {
            const started = performance.now();
            await (await prepare(dir)).scanAhead();
            logger.info(`scanned the pages ahead, beside the search index and the preview images (${Math.round(performance.now() - started)} ms)`);
          });
        },
      },
    },
    check: {
      name: 'explainer-build-checks',
      hooks: {
        // The config is read by scanAhead's hook: the two are always added together, scanAhead first.
        'astro:routes:resolved': ({ routes }) => {
          const pages = contentPageFiles(contentDir).map((file) => ({ file: relative(process.cwd(), join(collectionDir(contentDir, 'pages'), file)), route: contentRoute(file) }));
          // Folders the integrations write into dist/ beside the routes: Astro's assets and the search code.
          const [collision] = routeCollisions(pages, [...routes.map((route) => route.pattern), '/_astro', `/${SCRIPTS_DIR}`]);
          if (collision) throw new ContentError(collision);
        },
        'astro:build:done': async ({ dir, logger }) => {
          if (currentShard()) {
            logger.info('dist check: left to the merge of the shards (scripts/build-shards.ts)');
            return;
          }
          // The search index and the pages scanned ahead; a failed step fails the build with its own error.
          await backgroundSteps();
          await buildStep('dist check', async () => {
            const started = performance.now();
            const problems = (await prepare(dir)).check();
            if (problems.length > 0) throw new Error(distReport(problems));
            // The check after the background steps: pages scanned ahead are scanned again only if they changed.
            logger.info(`the built site holds what it should and nothing else (${Math.round(performance.now() - started)} ms)`);
          });
        },
      },
    },
  };
}
