import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadStrings } from '../i18n/load.ts';
import { writeChunksAtomic } from '../lib/atomic-write.ts';
import { cacheKey, packageVersion } from '../lib/build-cache.ts';
import { collectionFiles, contentCollections, slugOfFile } from '../lib/content-layout.ts';
import { contentRoute } from '../lib/routes.ts';
import { loadSiteConfig } from '../lib/site-config.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { bundleBrowserScripts, type SearchStrings } from '../search/browser-bundle.ts';
import { BUNDLE_DIR } from '../search/config.ts';
import { contentSecurityPolicy, inlineScripts } from './csp.ts';
import { checkDist, type DistExpectations, type DistFiles, type DistProblem, type PageScan, type PageScans, pageScanner } from './dist-check.ts';

/**
 * The glue of the dist check (dist-check.ts): reads a built site and works out what it must hold
 * from the content folder and the search code, which is bundled again here (esbuild's output is
 * deterministic) so that the check needs nothing from the build that wrote dist/.
 */

/** Pagefind's own browser code, written by its indexer beside the index (the rest of its bundle is data). */
const PAGEFIND_SCRIPTS = ['pagefind.js', 'pagefind-highlight.js'];
const TEXT_FILE = /\.(?:html|css|m?js|cjs|json)$|(?:^|\/)_headers$/;

/** Every file under `outDir` by its path there ("sources/x/index.html"), sorted. */
const distPaths = (outDir: string) =>
  readdirSync(outDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : 1));

/**
 * Every file under `outDir` by its path there ("sources/x/index.html"), sorted, with the text of those
 * the check reads, read one at a time as the check goes through them: the check of a 5,000-page site
 * peaked at 1.39 GB holding every text at once, 0.65 GB this way.
 */
function readDist(outDir: string): DistFiles {
  const paths = distPaths(outDir);
  const present = new Set(paths);
  return {
    has: (path) => present.has(path),
    *[Symbol.iterator]() {
      for (const path of paths) yield [path, TEXT_FILE.test(path) ? readFileSync(join(outDir, path), 'utf8') : null];
    },
  };
}

/** The content folder's page files (pages/**\/*.md and .mdx, as the pages collection reads them), relative to pages/. */
export const contentPageFiles = (contentDir: string) => collectionFiles(contentDir, 'pages');

/** The pages the content folder asks for, each type of page at least once, and the site's own files. */
function requiredFiles(contentDir: string, siteUrl: string | undefined): DistExpectations['required'] {
  const page = (route: string) => `${route.slice(1)}index.html`;
  const required: Array<{ path: string; what: string }> = [
    { path: 'citations.json', what: 'the claim ledger' },
    { path: 'sources.json', what: 'the sources as CSL-JSON' },
    { path: `${BUNDLE_DIR}/pagefind.js`, what: 'the search index (Pagefind)' },
    { path: `${BUNDLE_DIR}/pagefind-entry.json`, what: 'the search index (Pagefind)' },
    { path: '_headers', what: 'the security headers' },
    { path: '404.html', what: 'the not-found page' },
    { path: 'search/index.html', what: 'the search page' },
    { path: 'data/index.html', what: 'the data downloads page' },
    { path: 'sources/index.html', what: 'the list of sources' },
  ];
  if (siteUrl) required.push({ path: 'sitemap-index.xml', what: 'the sitemap' }, { path: 'feed.xml', what: 'the feed' });
  for (const file of contentPageFiles(contentDir)) required.push({ path: page(contentRoute(file)), what: `the page of content/pages/${file}` });
  // Each collection is published under the route of its folder's name: /sources/<id>/, /actors/<slug>/…
  const collections = [
    { collection: 'sources', index: true },
    { collection: 'incidents', index: true },
    { collection: 'actors', index: true },
    { collection: 'glossary', index: false },
  ] as const;
  for (const { collection, index } of collections) {
    const { folder } = contentCollections[collection];
    const names = collectionFiles(contentDir, collection);
    if (names.length > 0) required.push({ path: `${folder}/index.html`, what: `the ${folder} index` });
    if (index) for (const name of names) required.push({ path: `${folder}/${slugOfFile(name)}/index.html`, what: `the page of content/${folder}/${name}` });
  }
  return [...new Map(required.map((entry) => [entry.path, entry])).values()];
}

/** What a site was built from: its content folder, base path, site.json and search strings, as the build read them. */
export interface BuiltSite {
  contentDir: string;
  base: string;
  site: SiteConfig;
  /** The same words as the build's, or the UI file's hash would differ from the one the pages name. */
  searchStrings: SearchStrings;
}

/** The site.json and search strings of a content folder, read as the build reads them (for a check run on its own). */
export function readBuiltSite(contentDir: string, base: string): BuiltSite {
  const site = loadSiteConfig(contentDir);
  return { contentDir, base, site, searchStrings: loadStrings(contentDir, site.lang).strings.search };
}

/** What dist/ must hold and may run, for a site built from `contentDir` at `base`. */
async function distExpectations({ contentDir, base, site, searchStrings }: BuiltSite): Promise<DistExpectations> {
  const bundle = await bundleBrowserScripts(base, searchStrings);
  const scriptFiles = new Map<string, string | undefined>([...bundle.files].map(([path, code]) => [path, createHash('sha256').update(code, 'utf8').digest('hex')]));
  for (const name of PAGEFIND_SCRIPTS) scriptFiles.set(`${BUNDLE_DIR}/${name}`, undefined);
  const siteUrl = site.url;
  return {
    base,
    siteUrl,
    scriptFiles,
    inlineScripts: new Set(inlineScripts(bundle.boot).map((code) => createHash('sha256').update(code, 'utf8').digest('base64'))),
    contentSecurityPolicy: contentSecurityPolicy(inlineScripts(bundle.boot)),
    required: requiredFiles(contentDir, siteUrl),
  };
}

/** The file in the build's cache folder where the dist check keeps its page scans: a line per page (readKeptScans). */
export const DIST_CHECK_CACHE = 'dist-check-pages.ndjson';

// What a scan is made with besides the page and the expectations: the check's code (with this
// file's, which keeps the scans), the HTML parser, and Node (its URL parser reads every address).
// Scans made with anything else are not used.
// Worked out when scans are first kept, not when the module is loaded (check-dist never keeps any).
let scannedWith: string[] | undefined;
const scanMadeWith = () =>
  (scannedWith ??= [
    ...['./dist-check.ts', './html-scan.ts', './dist-files.ts'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')),
    packageVersion('parse5'),
    `node ${process.version}`,
  ]);

/**
 * The kept scans' file: a first line `{"madeWith": digest}` (what the scans were made with, and the
 * expectations a scan depends on), then a line `[path, sha256, scan]` per page. Written a line at a
 * time: at 5,000 pages the scans are over 100 MB of JSON, which made as one text at the end of the
 * check raised the build's peak memory by about 0.4 GB. (Read as one text, at the check's start.)
 */
type KeptLine = [path: string, sha256: string, scan: PageScan];
type KeptScan = { sha256: string; scan: PageScan };

function readKeptScans(file: string, madeWith: string): Map<string, KeptScan> {
  const kept = new Map<string, KeptScan>();
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    if ((JSON.parse(lines[0]) as { madeWith?: unknown } | null)?.madeWith !== madeWith) return kept;
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      const [path, sha256, scan] = JSON.parse(line) as KeptLine;
      if (Array.isArray(scan?.problems) && Array.isArray(scan.ids) && Array.isArray(scan.links)) kept.set(path, { sha256, scan });
    }
  } catch {
    // None kept yet, or not readable: every page is scanned.
    kept.clear();
  }
  return kept;
}

/** The kept scans' lines, made one at a time as they are written. */
function* keptLines(madeWith: string, pages: ReadonlyMap<string, KeptScan>): Generator<string> {
  yield `${JSON.stringify({ madeWith })}\n`;
  for (const [path, { sha256, scan }] of pages) yield `${JSON.stringify([path, sha256, scan] satisfies KeptLine)}\n`;
}

/**
 * Page scans kept in one file between builds: a page whose path and bytes, and the check's code
 * and expectations, are what they were is not scanned again (after a one-page edit, the pages whose
 * HTML changed are). Problems come from the scans, so a page that failed still fails. The file
 * holds the pages of the latest check only, written atomically when `save` is called.
 */
export function keptPageScans(file: string, expect: DistExpectations): PageScans & { save(): void } {
  const madeWith = cacheKey([...scanMadeWith(), expect.base, expect.siteUrl ?? '', JSON.stringify([...expect.scriptFiles, ...expect.inlineScripts]), expect.contentSecurityPolicy]);
  const kept = readKeptScans(file, madeWith);
  const pages = new Map<string, KeptScan>();
  return {
    scan(path, html, scanned) {
      const sha256 = createHash('sha256').update(html, 'utf8').digest('hex');
      // This check's own scan first (scanAhead's), then the last check's.
      const scan = [pages.get(path), kept.get(path)].find((entry) => entry?.sha256 === sha256)?.scan ?? scanned();
      pages.set(path, { sha256, scan });
      return scan;
    },
    save: () => writeChunksAtomic(file, keptLines(madeWith, pages)),
  };
}

/** The check of one built site, in two steps: the pages scanned ahead (optional), then the whole site. */
export interface SiteCheck {
  /**
   * Scans the pages written so far, one at a time, yielding to the event loop after each, while
   * other steps still write into the site (the search index, the preview images): `check` then
   * scans again only a page whose bytes changed since.
   */
  scanAhead(): Promise<void>;
  /** Reads every file of the site and checks it; the problems name files by their path from the working folder. */
  check(): DistProblem[];
}

/**
 * The check of the site built into `outDir`. With `keepScansIn` (a file in the build's cache
 * folder), page scans are kept there for the next check.
 */
export async function siteCheck(outDir: string, built: BuiltSite, keepScansIn?: string): Promise<SiteCheck> {
  const expect = await distExpectations(built);
  const scans = keepScansIn ? keptPageScans(keepScansIn, expect) : undefined;
  const scan = pageScanner(expect);
  return {
    async scanAhead() {
      if (!scans) return;
      // The pages only: the other steps write other files (Pagefind's bundle, written and pruned meanwhile).
      for (const file of distPaths(outDir).filter((path) => path.endsWith('.html'))) {
        const text = readFileSync(join(outDir, file), 'utf8');
        scans.scan(file, text, () => scan(file, text));
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    check() {
      const where = relative(process.cwd(), outDir) || '.';
      const problems = checkDist(readDist(outDir), expect, scans);
      scans?.save();
      return problems.map((problem) => ({ ...problem, file: `${where}/${problem.file}` }));
    },
  };
}

/** Checks the site built into `outDir` in one go, keeping no scans (see siteCheck). */
export const checkBuiltSite = async (outDir: string, built: BuiltSite): Promise<DistProblem[]> => (await siteCheck(outDir, built)).check();

/** The problems as the build prints them: a count, then one line each (the first `limit`). */
export function distReport(problems: readonly DistProblem[], limit = 20): string {
  const lines = problems.slice(0, limit).map((problem) => `  ${problem.file}: ${problem.message}`);
  if (problems.length > limit) lines.push(`  ... and ${problems.length - limit} more`);
  return [`the built site breaks ${problems.length === 1 ? 'a rule' : `${problems.length} rules`} of what may be published:`, ...lines].join('\n');
}
