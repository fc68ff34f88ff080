import { fileURLToPath } from 'node:url';
import { build, type OutputFile } from 'esbuild';
import { english, type Strings } from '../i18n/strings.ts';
import { withBase } from '../lib/url.ts';

/**
 * The search code that runs in the browser, bundled by esbuild rather than by Astro.
 *
 * Why not Astro's own <script> processing: a plain page view must load no JavaScript file, so the
 * few lines that wait for the reader to start searching (boot.ts) are inlined in every page, with
 * their hash in the Content-Security-Policy. Those lines must name the URL of the search UI they
 * import later, and Astro gives a page no URL for a bundled module it does not load itself. Here
 * the UI is bundled first, its content-hashed URL is written into the boot code, and both are known
 * before any page renders. esbuild ships with Astro's toolchain; the output is deterministic.
 */

/** Folder, under the site's output and base, that holds the search UI files. */
export const SCRIPTS_DIR = '_search';

export interface BrowserBundle {
  /** The boot code, inlined as a module script in every page. */
  boot: string;
  /** Files to write under the site's output folder, by path relative to it ("_search/header-ui-….js"). */
  files: Map<string, string>;
}

const entry = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  write: false,
  legalComments: 'none',
  logLevel: 'silent',
} as const;

const text = (file: OutputFile) => file.text.trimEnd();

/** The search UI's words, from the site's locale. */
export type SearchStrings = Strings['search'];

/**
 * Bundles the two search UIs (the header's box, the search page) and the highlighter, sharing
 * chunks, then the boot code that names them.
 * The UI's words are written into its code, as the base is: no request and no page markup for them.
 */
export async function bundleBrowserScripts(base: string, strings: SearchStrings = english.search): Promise<BrowserBundle> {
  const modules = await build({
    ...common,
    entryPoints: { 'header-ui': entry('header-ui'), 'page-ui': entry('page-ui'), highlight: entry('highlight') },
    splitting: true,
    outdir: SCRIPTS_DIR,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    define: { 'import.meta.env.BASE_URL': JSON.stringify(base), __SEARCH_STRINGS__: JSON.stringify(strings) },
  });
  const files = new Map<string, string>();
  const urls: Record<string, string> = {};
  for (const file of modules.outputFiles) {
    const path = `${SCRIPTS_DIR}/${file.path.split(/[\\/]/).pop()}`;
    files.set(path, text(file));
    const name = /^(header-ui|page-ui|highlight)-/.exec(path.slice(SCRIPTS_DIR.length + 1))?.[1];
    if (name) urls[name] = withBase(base, path);
  }
  const boot = await build({
    ...common,
    entryPoints: [entry('boot')],
    external: Object.values(urls),
    define: {
      __SEARCH_HEADER_URL__: JSON.stringify(urls['header-ui']),
      __SEARCH_PAGE_URL__: JSON.stringify(urls['page-ui']),
      __SEARCH_HIGHLIGHT_URL__: JSON.stringify(urls.highlight),
    },
  });
  return { boot: text(boot.outputFiles[0]), files };
}
