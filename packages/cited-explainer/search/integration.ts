import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { english } from '../i18n/strings.ts';
import { buildStep, buildStepInBackground } from '../lib/build-step.ts';
import { builtHtmlFiles } from '../lib/built-pages.ts';
import { currentShard } from '../lib/shard.ts';
import { withBase } from '../lib/url.ts';
import { type BrowserBundle, bundleBrowserScripts, type SearchStrings } from './browser-bundle.ts';
import { ALIASES_FILE, BUNDLE_DIR, CUT_BEFORE_INDEXING, EXCLUDE_SELECTORS } from './config.ts';

/**
 * Search for the built site: bundles the browser code (browser-bundle.ts) and hands its inline boot
 * code to the pages as the module "virtual:explainer/search-boot"; injects the alias map route; and
 * once Astro has written the site, writes the search UI files and indexes the site with Pagefind's
 * Node API into <outDir>/pagefind/.
 *
 * Each HTML file is passed to Pagefind as text (see forIndexing). What is indexed is decided by
 * the pages themselves: each page's <main data-pagefind-body> (layouts/Base.astro; pages
 * that opt out, like /search/, are left out), minus the
 * EXCLUDE_SELECTORS (navigation sits outside <main>; citation previews and endnotes are
 * excluded by selector), with filters and alias metadata from components/SearchMeta.astro.
 */
const UNUSED_BUNDLE_FILES = [...['ui', 'component-ui', 'modular-ui'].flatMap((ui) => [`pagefind-${ui}.js`, `pagefind-${ui}.css`]), 'pagefind-worker.js'];

/** "actors/x/index.html" → "/actors/x/", as Pagefind would name it (without the base, which the UI adds). */
const pageUrl = (file: string) => `/${file.split(sep).join('/')}`.replace(/index\.html$/, '');

const WORD_JOINER = '\u2060';
const ID_ATTRIBUTE = /\sid\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/i;

/**
 * What HTML is made of, for cutting elements out of it and rewriting tags: a comment, a raw-text
 * element (script, style: a tag inside one is text; a title's or textarea's "<" is escaped, and an
 * SVG's <title> is an element like any other), or a start or end tag with
 * its name, its attributes (quoted values read whole: a "<" or ">" inside one is not a tag) and the
 * slash of a self-closing one.
 */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-z][a-z0-9-]*)((?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?)(\/?)>/gi;
const ATTRIBUTE = /\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** The classes a start tag's attributes give. */
function classesOf(attributes: string): string[] {
  for (const [, name, ...values] of attributes.matchAll(ATTRIBUTE)) {
    if (name.toLowerCase() === 'class') return (values.find((value) => value !== undefined) ?? '').split(/\s+/);
  }
  return [];
}

/** The HTML without each `tag` element whose class list holds `className` (nested elements of its name balanced); one never closed is kept. */
function withoutElements(html: string, { tag, className }: { tag: string; className: string }): string {
  const tokens = new RegExp(TOKEN.source, 'gi');
  const isTag = (token: RegExpExecArray) => token[3]?.toLowerCase() === tag;
  let kept = '';
  let from = 0;
  for (let start = tokens.exec(html); start; start = tokens.exec(html)) {
    if (!isTag(start) || start[2] || !classesOf(start[4]).includes(className)) continue;
    let depth = 1;
    let end = -1;
    for (let next = tokens.exec(html); next; next = tokens.exec(html)) {
      if (!isTag(next)) continue;
      depth += next[2] ? -1 : 1;
      if (depth === 0) {
        end = next.index + next[0].length;
        break;
      }
    }
    if (end < 0) break;
    kept += html.slice(from, start.index);
    from = end;
  }
  return kept + html.slice(from);
}

/**
 * The HTML as Pagefind should read it; the published HTML is not changed.
 * - Pagefind joins the text of adjacent elements it does not treat as blocks, so
 *   `<dt>Also written</dt><dd>Pashinian</dd>` (Astro writes no whitespace between tags) would be
 *   indexed as one word "writtenpashinian". A space after the closing tag of each such element
 *   keeps the words apart.
 * - The word joiner that keeps a citation marker on the line of the word before it
 *   (citations/render.ts) would stay glued to that word once the marker is excluded: a name
 *   before a marker was indexed as another word, the name and the joiner, which a search for the
 *   name does not find (and the joiner alone was a word on hundreds of claims). It is read as a space.
 * - The parts of CUT_BEFORE_INDEXING (excluded from the index anyway: half a page's bytes) are cut.
 * - Pagefind stores every element with an id as an "anchor", with its whole text, in the page's
 *   fragment, which the browser downloads for each result shown; but it makes sub-results only
 *   from headings. The claims' ids and their citation previews' (excluded from the index, yet
 *   still stored as anchors) made fragments about three times their size, so only headings keep
 *   their ids here.
 */
export function forIndexing(html: string, cut: typeof CUT_BEFORE_INDEXING = CUT_BEFORE_INDEXING): string {
  return cut
    .reduce(withoutElements, html)
    .replace(/<\/(dt|dd|th|td|li|summary|caption|figcaption|legend)>/gi, '$& ')
    .replaceAll(WORD_JOINER, ' ')
    .replace(TOKEN, (token, _rawText, closing: string | undefined, name: string | undefined, attributes: string | undefined, selfClosing: string | undefined) =>
      !name || closing || !attributes || /^h[1-6]$/i.test(name) ? token : `<${name}${attributes.replace(ID_ATTRIBUTE, '')}${selfClosing}>`,
    );
}

const BOOT_MODULE = 'virtual:explainer/search-boot';

/** `strings`: the search UI's words in the site's language, built into the browser code. */
export default function search({ strings = english.search }: { strings?: SearchStrings } = {}): AstroIntegration {
  let bundle: BrowserBundle;
  return {
    name: 'explainer-search',
    hooks: {
      'astro:config:setup': async ({ config, injectRoute, updateConfig }) => {
        bundle = await bundleBrowserScripts(config.base, strings);
        const resolved = `\0${BOOT_MODULE}`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'explainer-search-boot',
                resolveId: (id: string) => (id === BOOT_MODULE ? resolved : undefined),
                load: (id: string) => (id === resolved ? `export default ${JSON.stringify(bundle.boot)};` : undefined),
              },
            ],
          },
        });
        injectRoute({ pattern: `/${BUNDLE_DIR}/${ALIASES_FILE}`, entrypoint: new URL('./aliases.json.ts', import.meta.url), prerender: true });
      },
      // `astro dev` serves the search UI files from memory (there is no index until a build).
      'astro:server:setup': ({ server }) => {
        const byUrl = new Map([...bundle.files].map(([path, code]) => [withBase(server.config.base, path), code]));
        server.middlewares.use((request, response, next) => {
          const code = byUrl.get(request.url?.split('?')[0] ?? '');
          if (code === undefined) return next();
          response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          response.end(code);
        });
      },
      'astro:build:done': ({ dir, logger }) =>
        buildStep('search index (Pagefind)', async () => {
          const site = fileURLToPath(dir);
          for (const [path, code] of bundle.files) {
            await mkdir(dirname(join(site, path)), { recursive: true });
            await writeFile(join(site, path), code);
          }
          // A shard of the site is indexed with the others once they are merged (integration/shard.ts).
          if (currentShard()) {
            logger.info('search index: left to the merge of the shards (scripts/build-shards.ts)');
            return;
          }
          // Pagefind indexes in a process of its own: the next steps run meanwhile (the dist check
          // scans the pages), and the build waits for the index before it checks it or publishes.
          buildStepInBackground('search index (Pagefind)', async () => {
            const started = performance.now();
            const pages = await writeSearchIndex(site);
            logger.info(`indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
          });
        }),
    },
  };
}

/** Indexes every page of a built site with Pagefind into <site>/pagefind/; the number of pages with words. */
export async function writeSearchIndex(site: string): Promise<number> {
  try {
    const { index, errors } = await createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let pages = 0;
    for (const file of await builtHtmlFiles(site, [BUNDLE_DIR])) {
      const added = await index.addHTMLFile({ url: pageUrl(relative(site, file)), content: forIndexing(await readFile(file, 'utf8')) });
      if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
      if (added.file.uniqueWords > 0) pages++;
    }
    const written = await index.writeFiles({ outputPath: join(site, BUNDLE_DIR) });
    if (written.errors.length) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    // Pagefind also writes its ready-made UIs (about 380 KB; this site has its own, header-ui.ts
    // and page-ui.ts) and its Web Worker's script (unused: pagefind.ts sets noWorker).
    for (const unused of UNUSED_BUNDLE_FILES) await rm(join(site, BUNDLE_DIR, unused), { force: true });
    return pages;
  } finally {
    await close();
  }
}
