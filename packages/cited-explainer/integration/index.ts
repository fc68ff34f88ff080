import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { noCueWordsWarning, ruleWords } from '../citations/rule-words.ts';
import { satteriCitations } from '../citations/satteri-citations.ts';
import { noteParsing } from '../citations/site-note.ts';
import { availableLocales, LOCALES_DIR, loadStrings } from '../i18n/load.ts';
import { localeFor } from '../i18n/locale.ts';
import { CITE_FORMATTING_CACHE, CITE_FORMATTING_CACHE_ENV } from '../lib/build-cache.ts';
import { ContentError } from '../lib/content-error.ts';
import { SITE_FILE } from '../lib/content-layout.ts';
import { folderDigest } from '../lib/folder-digest.ts';
import { assertPlainFolder } from '../lib/inside-folder.ts';
import { PAGE_HTML_CACHE } from '../lib/page-html.ts';
import { loadSiteConfig } from '../lib/site-config.ts';
import { type ExplainerOptions, explainerOptionsSchema } from '../schemas/options.ts';
import search from '../search/integration.ts';
import securityHeaders, { buildChecks } from '../security/integration.ts';
import { satteriSmartQuotes } from '../typography/satteri-smart-quotes.ts';
import buildDoneWriters from './build-done-writers.ts';
import { clearStoreMadeByOtherCode } from './content-store-stamp.ts';
import { publishWhenClean } from './publish.ts';
import { routeFiles, routePattern } from './route-files.ts';
import shardPages from './shard.ts';
import { virtualModules } from './virtual-modules.ts';

export type { ExplainerOptions } from '../schemas/options.ts';

const routesDir = new URL('../routes/', import.meta.url);
const packageDir = fileURLToPath(new URL('../', import.meta.url));
const defaultComponents = {
  Header: fileURLToPath(new URL('../components/SiteHeader.astro', import.meta.url)),
  Footer: fileURLToPath(new URL('../components/SiteFooter.astro', import.meta.url)),
};

/** The options as given, checked: a wrong one stops the build with its name and what is expected. */
function parseOptions(options: unknown) {
  const parsed = explainerOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  throw new Error(`citedExplainer(): option "${[...issue.path, ...keys].join('.')}": ${issue.message} (see schemas/options.ts)`);
}

/**
 * A cited explainer: the generator as an Astro integration. It adds every page the site publishes
 * (routes/), Markdown and MDX with the citation engine, search, the security headers, preview
 * images, a sitemap when site.json gives the address, and the build's own checks.
 *
 * ```js
 * // astro.config.mjs
 * export default defineConfig({ integrations: [citedExplainer({ content: './content' })] });
 * ```
 */
export default function citedExplainer(options: ExplainerOptions = {}): AstroIntegration {
  const { content, components } = parseOptions(options);
  return {
    name: 'cited-explainer',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, injectRoute, logger }) => {
        const root = fileURLToPath(config.root);
        const contentDir = resolve(root, content);
        // Before anything is read: no link or special file in the content or the public folder.
        assertPlainFolder(contentDir);
        assertPlainFolder(fileURLToPath(config.publicDir));
        // A content store rendered by other code than this (an edited or upgraded package) is rebuilt:
        // the build's (in the cache folder) and the dev server's (in .astro/).
        const codeDigest = folderDigest(packageDir);
        const cacheDir = fileURLToPath(config.cacheDir);
        const devStoreDir = resolve(root, '.astro');
        for (const storeDir of [cacheDir, devStoreDir]) {
          if (clearStoreMadeByOtherCode(storeDir, codeDigest))
            logger.info(`the content store in ${relative(root, storeDir) || '.'} was made by other code than this version of cited-explainer: it is rebuilt`);
        }
        const site = loadSiteConfig(contentDir);
        const { strings, locale } = loadStrings(contentDir, site.lang);
        if (locale === undefined)
          logger.warn(
            `site.json "lang" is ${site.lang}, which has no locale file in locales/ (${availableLocales(LOCALES_DIR).join(', ')}): the site's own words are in English; add locales/<language>.json to translate them`,
          );
        // Without a language's reporting cues the attribution rules cannot read its sentences: say so once, not silently.
        if (ruleWords(site.lang).reportingCue === undefined) logger.warn(noCueWordsWarning(site.lang));
        if (config.site && site.url && new URL(config.site).href !== new URL(site.url).href) {
          throw new ContentError({
            file: relative(process.cwd(), resolve(contentDir, SITE_FILE)),
            message: `field "url": ${site.url} differs from astro.config's site ${config.site}`,
            hint: 'give the address in one place: site.json "url"',
          });
        }
        if (!existsSync(new URL('favicon.svg', config.publicDir))) {
          injectRoute({ pattern: '/favicon.svg', entrypoint: new URL('./favicon.ts', import.meta.url), prerender: true });
        }
        for (const file of routeFiles(fileURLToPath(routesDir))) {
          injectRoute({ pattern: routePattern(file), entrypoint: new URL(file, routesDir), prerender: true });
        }
        const overrides = Object.fromEntries(Object.entries(components).map(([name, path]) => [name, path.startsWith('.') ? resolve(root, path) : path]));
        // Sätteri (Astro 7's default) parses in Rust and runs the citation engine as an mdast plugin,
        // after the site's quotes (the rule data fields follow); its own smart punctuation does the rest.
        const mdastPlugins = [satteriSmartQuotes(), satteriCitations({ contentDir, base: config.base, locale: localeFor(site.lang, strings) })];
        const features = { smartPunctuation: { quotes: false } };
        const checks = buildChecks({ contentDir, site, searchStrings: strings.search });
        updateConfig({
          site: site.url ?? config.site,
          trailingSlash: 'always',
          // Astro adds the base's trailing slash only for a trailingSlash set in the project's own
          // config; the pages, search and the dist check all expect "/explainer/".
          base: config.base.endsWith('/') ? config.base : `${config.base}/`,
          build: { format: 'directory', inlineStylesheets: 'never' },
          // A page whose code and data are as in the last build is copied from it, not rendered
          // again: the content pages and the sources' pages say what their data is (lib/render-keys.ts).
          experimental: { incrementalBuild: true },
          // Markdown pages read directives, for :::note and :::nav (citations/site-note.ts); MDX pages, which
          // write <Note> and <nav>, do not, so that a colon in their text ("10:30") stays text.
          markdown: { processor: satteri({ mdastPlugins, features: { ...features, ...noteParsing } }) },
          // The build's own checks come last, so that the dist check sees everything the others wrote
          // (its pages are scanned ahead, beside the search index and the preview images); then the
          // built site replaces the output folder, if nothing failed (publish.ts).
          integrations: [
            mdx({ processor: satteri({ mdastPlugins, features }) }),
            search({ strings: strings.search }),
            checks.scanAhead,
            securityHeaders(),
            buildDoneWriters(),
            shardPages(),
            ...(site.url ? [sitemap({ filter: (page) => !page.endsWith('/search/') })] : []),
            checks.check,
            publishWhenClean(),
          ],
          vite: {
            define: { [CITE_FORMATTING_CACHE_ENV]: JSON.stringify(resolve(cacheDir, CITE_FORMATTING_CACHE)) },
            plugins: [
              virtualModules({
                contentDir,
                projectRoot: root,
                // Beside the store that names the pages' files: the dev server's is not the build's.
                pageHtmlDir: resolve(command === 'dev' ? devStoreDir : cacheDir, PAGE_HTML_CACHE),
                site,
                strings,
                components: { ...defaultComponents, ...overrides },
                codeDigest,
              }),
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        // Astro's prerender step imports packages from inside the output folder, which resolve only
        // with a node_modules holding Astro above it: fail now rather than with "Cannot find package".
        try {
          createRequire(new URL('./', config.outDir)).resolve('astro/package.json');
        } catch {
          throw new Error(`outDir ${fileURLToPath(config.outDir)}: Astro cannot be found from the output folder; put it inside the project (for example .builds/name)`);
        }
      },
    },
  };
}
