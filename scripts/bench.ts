/**
 * The build benchmark: npm run bench (node_modules/.bin/node scripts/bench.ts).
 *
 *   node_modules/.bin/node scripts/bench.ts [--quick] [--sizes 100,1000] [--no-profile] [--no-lighthouse] [--no-search] [--no-starlight] [--keep] [--help]
 *
 * - Build: wall time, CPU time and peak memory (/usr/bin/time) of `astro build` for the real site and for
 *   synthetic corpora (pages of ~20 citations over 500 synthetic sources, generated under
 *   .builds/bench/, never committed), each size three ways in the same run: the cited pages as
 *   MDX, the same cited pages as Markdown (.md), and Astro's floor (the same page texts without
 *   citations as plain Markdown in a bare Astro project: no components, the default processor).
 *   Our time and memory are given as ratios to the floor, which hold on any machine; absolute
 *   times on a shared machine are context only. The same texts are also built by Starlight (the
 *   docs theme, installed by the bench under .builds/bench-starlight/, not saved to package.json)
 *   as .md and as .mdx, and our .md and .mdx builds are given as ratios to those
 *   (--no-starlight leaves them out).
 *   * Phases (bench-phases.ts), read from the build's own log: content sync, bundling, page
 *     rendering (of which source pages, from Astro's per-route timings), the time the build waits
 *     after rendering for the cite downloads and preview images (written by a worker thread beside
 *     rendering), Pagefind and the dist check.
 *   * Memory (ours): the build's main process sampled every 250 ms (bench-memory-sampler.ts) and
 *     read per phase against the log's timestamps, so that the bundler and rendering are apart;
 *     and the content layer's data store, weighed on disk.
 *   * Profile: the 1,000-page MDX corpus is built once more under `node --cpu-prof`, summarised
 *     by self time per function and per component (--no-profile leaves it out).
 *   * Incremental: every corpus (each size, .mdx and .md) is built a second
 *     time after one page is edited; the edit is checked in the ledger, the source's "Cited by"
 *     list and the search index. Cold builds first remove the build's caches.
 *   * Citation checking runs inside Astro's Markdown pipeline and is not reported apart by it; it
 *     is measured here on its own: the same remark plugin (parse, resolve every quote against the
 *     archive, render markers and endnotes) over every page, in this process.
 *   * The 5,000-page corpus takes several times longer than the rest together on two cores; it is
 *     opt-in: --sizes 100,1000,5000 (--quick drops any size above 1,000).
 * - Output: total size, HTML bytes per page, search index size.
 * - Page weight per page type (home, explainer, incident, actor, source, search), gzip, on a plain
 *   view and after the reader starts to search.
 * - Lighthouse (mobile, its default) scores for those page types, with Debian's Chromium.
 * - Search latency: scripts/bench-search.ts.
 * Prints a table and writes bench/results.json (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { VFile } from 'vfile';
import { remarkCitations } from '../packages/cited-explainer/citations/remark-citations.ts';
import { chromiumArgs, chromiumPath, launchChromium } from '../tests/helpers/browser.ts';
import { buildProcessEnv, projectBuild } from '../tests/helpers/build-site.ts';
import { pageParser } from '../tests/helpers/page-parser.ts';
import { listFiles, listPages, pageType, readPage } from '../tests/helpers/site.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { weighPage } from '../tests/helpers/weight.ts';
import { type CorpusFormat, editFirstClaim, projectPagesDir, writeCorpus } from './bench-corpus.ts';
import { type BuildPhases, type CpuProfile, memoryByPhase, type PhaseMemory, parsePhases, summariseProfiles } from './bench-phases.ts';
import { explainerCacheDir } from './explainer-cache-dir.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000' },
    quick: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-starlight': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`npm run bench -- [options]   (builds, timings and memory; writes bench/results.json)

  --sizes 100,1000        explainer page counts of the synthetic corpora (default 100,1000; 5000 is opt-in)
  --quick                 drop any size above 1,000
  --no-profile            skip the CPU profile of the 1,000-page (or largest) MDX build
  --no-lighthouse         skip the Lighthouse scores of the real site
  --no-search             skip the search latency bench
  --no-starlight          skip Starlight's builds of the same texts (and the ratios to them)
  --keep                  keep the corpora and builds under .builds/bench/
  --help                  this text`);
  process.exit(0);
}
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0 && !(values.quick && n > 1000));
const SOURCES = 500;
const work = resolve('.builds/bench');

interface BuildFigures {
  corpus: string;
  /** How the explainer pages are written: mdx, md, the floor (plain Markdown, no citations, bare Astro) or Starlight's .md or .mdx. */
  format: CorpusFormat | 'real';
  /** Explainer pages (content/pages/**.{md,mdx}). */
  explainerPages: number;
  /** Every page built (explainer, source, index pages). */
  pages: number;
  sources: number;
  citations: number | null;
  ok: boolean;
  wallMs: number;
  /** User and system CPU time (/usr/bin/time): steadier than wall time on a shared machine. */
  cpuMs: number | null;
  peakRssMB: number | null;
  phases: BuildPhases;
  /** Memory per phase of the build's main process (ours only: sampled, bench-memory-sampler.ts). */
  memory: PhaseMemory[];
  /** The content layer's data store as written to disk (ours only): every entry, Markdown pages rendered. */
  dataStoreMB: number | null;
  citationCheckMs: number | null;
  msPerPage: number;
  /** Wall ms per explainer page added since the next smaller corpus of the same format: flat when growth is linear. */
  marginalMsPerPage: number | null;
  /** Wall time, CPU time and peak memory over the floor's, built in the same run from the same page texts. */
  wallRatioToFloor: number | null;
  cpuRatioToFloor: number | null;
  rssRatioToFloor: number | null;
  /** The same over Starlight's build of the same texts in the same format (.md or .mdx), built in the same run. */
  wallRatioToStarlight: number | null;
  cpuRatioToStarlight: number | null;
  rssRatioToStarlight: number | null;
  totalBytes: number;
  htmlBytesPerPage: number;
  searchIndexBytes: number | null;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);

function dirBytes(dir: string): number {
  return existsSync(dir) ? listFiles(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) : 0;
}

/** A cold build: no content cache, no preview images and no formatted citations from an earlier build (all in Astro's cache folder). */
function clearCaches(contentDir: string, outDir: string): void {
  rmSync(explainerCacheDir(contentDir, outDir), { recursive: true, force: true });
}

/** The content layer's store of a build (Astro writes it into the build's cacheDir). */
const dataStore = (contentDir: string, outDir: string) => join(explainerCacheDir(contentDir, outDir), 'data-store.json');

interface BuildRun {
  ok: boolean;
  output: string;
  wallMs: number;
  /** User and system CPU time of the build and its helpers: steadier than wall time on a shared machine. */
  cpuMs: number | null;
  peakRssMB: number | null;
  /** The memory sampler's lines (ours only). */
  memorySamples: string;
}

/**
 * A build of a content folder with the integration (scripts/build-explainer.ts), or `astro build`
 * of the floor, a project of its own (`root`); under /usr/bin/time for peak memory when it is
 * there. `nodeFlags` adds --cpu-prof.
 */
function timedBuild(target: { contentDir: string } | { root: string }, outDir: string, nodeFlags: string[] = []): BuildRun {
  rmSync(outDir, { recursive: true, force: true });
  // A content folder always with --content (its cache is named by it: see clearCaches), or a project of its own.
  const args = 'root' in target ? projectBuild(target.root, { outDir }).args : [resolve('scripts/build-explainer.ts'), '--content', target.contentDir, '--out', outDir];
  // Our builds are sampled for memory per phase (bench-memory-sampler.ts); Starlight's and the floor's are not.
  const memoryLog = join(work, 'memory-samples.txt');
  rmSync(memoryLog, { force: true });
  const sampler = 'contentDir' in target ? ['--import', resolve('scripts/bench-memory-sampler.ts')] : [];
  const command = [resolve('node_modules/.bin/node'), ...sampler, ...nodeFlags, ...args];
  const gnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = spawnSync(gnuTime ? '/usr/bin/time' : command[0], gnuTime ? ['-f', '__bench_time__ %M %U %S', ...command] : command.slice(1), {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...buildProcessEnv(), BENCH_MEMORY_LOG: memoryLog },
  });
  const wallMs = performance.now() - started;
  const output = `${result.stdout}\n${result.stderr}`;
  const time = /__bench_time__ (\d+) ([\d.]+) ([\d.]+)/.exec(output);
  return {
    ok: result.status === 0,
    output,
    wallMs,
    cpuMs: time ? Math.round((Number(time[2]) + Number(time[3])) * 1000) : null,
    peakRssMB: time ? Number(time[1]) / 1024 : null,
    memorySamples: existsSync(memoryLog) ? readFileSync(memoryLog, 'utf8') : '',
  };
}

/** The citation engine alone over every page: parse, resolve and render every citation. */
function citationCheck(contentDir: string): { ms: number; citations: number } {
  const pagesDir = join(contentDir, 'pages');
  const files = listFiles(pagesDir).filter((file) => /\.mdx?$/.test(file));
  const started = performance.now();
  const mdx = pageParser('page.mdx').use(remarkCitations, { contentDir, base: '/' });
  const md = pageParser('page.md').use(remarkCitations, { contentDir, base: '/' });
  let citations = 0;
  for (const file of files) {
    const processor = file.endsWith('.mdx') ? mdx : md;
    const path = join(pagesDir, file);
    const text = readFileSync(path, 'utf8');
    // Front matter is Astro's to parse: blank it out (keeping line numbers) and pass its `kind`.
    const match = /^---\n[\s\S]*?\n---\n/.exec(text);
    const frontmatter = match ? match[0] : '';
    const vfile = new VFile({ path, value: frontmatter.replace(/[^\n]/g, '') + text.slice(frontmatter.length) });
    vfile.data = { astro: { frontmatter: { kind: /^kind:\s*editorial\s*$/m.test(frontmatter) ? 'editorial' : 'claims' } } };
    processor.runSync(processor.parse(vfile), vfile);
    citations += ((vfile.data as { astro: { frontmatter: { citations?: unknown[] } } }).astro.frontmatter.citations ?? []).length;
  }
  return { ms: performance.now() - started, citations };
}

function failed(corpus: string, build: BuildRun): never {
  console.error(build.output.slice(-4000));
  throw new Error(`bench: the ${corpus} build failed`);
}

function measureBuild(corpus: string, format: BuildFigures['format'], target: { contentDir: string } | { root: string }, outDir: string, sources: number): BuildFigures {
  process.stdout.write(`bench: building ${corpus} … `);
  if ('contentDir' in target) clearCaches(target.contentDir, outDir);
  const build = timedBuild(target, outDir);
  process.stdout.write(`${seconds(build.wallMs)} (CPU ${seconds(build.cpuMs)}), ${build.peakRssMB === null ? '?' : Math.round(build.peakRssMB)} MB\n`);
  if (!build.ok) failed(corpus, build);
  const site = outDir;
  const pages = listPages(site).length;
  const html = listFiles(site).filter((file) => file.endsWith('.html'));
  const check = 'contentDir' in target ? citationCheck(target.contentDir) : null;
  const pagesDir = 'contentDir' in target ? join(target.contentDir, 'pages') : projectPagesDir(target.root, format as CorpusFormat);
  return {
    corpus,
    format,
    explainerPages: listFiles(pagesDir).filter((file) => /\.mdx?$/.test(file)).length,
    pages,
    sources,
    citations: check?.citations ?? null,
    ok: build.ok,
    wallMs: Math.round(build.wallMs),
    cpuMs: build.cpuMs,
    peakRssMB: build.peakRssMB === null ? null : Math.round(build.peakRssMB),
    phases: parsePhases(build.output),
    memory: memoryByPhase(build.output, build.memorySamples),
    dataStoreMB: 'contentDir' in target && existsSync(dataStore(target.contentDir, outDir)) ? Number((statSync(dataStore(target.contentDir, outDir)).size / 2 ** 20).toFixed(1)) : null,
    citationCheckMs: check ? Math.round(check.ms) : null,
    msPerPage: Number((build.wallMs / pages).toFixed(2)),
    marginalMsPerPage: null,
    wallRatioToFloor: null,
    cpuRatioToFloor: null,
    rssRatioToFloor: null,
    wallRatioToStarlight: null,
    cpuRatioToStarlight: null,
    rssRatioToStarlight: null,
    totalBytes: dirBytes(site),
    htmlBytesPerPage: Math.round(html.reduce((sum, file) => sum + statSync(join(site, file)).size, 0) / pages),
    searchIndexBytes: existsSync(join(site, 'pagefind')) ? dirBytes(join(site, 'pagefind')) : null,
  };
}

/** Wall, CPU and memory of a build over another's, to three places; null where either is missing. */
function ratiosTo(figures: BuildFigures, base: BuildFigures) {
  const over = (a: number | null, b: number | null) => (a && b ? Number((a / b).toFixed(3)) : null);
  return { wall: over(figures.wallMs, base.wallMs), cpu: over(figures.cpuMs, base.cpuMs), rss: over(figures.peakRssMB, base.peakRssMB) };
}

/**
 * Starlight for the bench's comparison, installed once into .builds/bench-starlight/ (kept between
 * runs, never saved to package.json). Its projects are written below that folder, so that Node
 * finds Starlight there and Astro itself in the repository's node_modules.
 */
function starlightHome(): string {
  const home = resolve('.builds/bench-starlight');
  if (!existsSync(join(home, 'node_modules/@astrojs/starlight/package.json'))) {
    console.log(`bench: installing ${STARLIGHT_PACKAGE} into ${relative(process.cwd(), home)} for the comparison (not saved to package.json)`);
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'package.json'), '{ "name": "bench-starlight", "private": true, "type": "module" }\n');
    // --legacy-peer-deps: Astro is the repository's own, found above this folder.
    const install = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--legacy-peer-deps', STARLIGHT_PACKAGE], { cwd: home, stdio: 'inherit' });
    if (install.status !== 0) throw new Error('npm install of Starlight failed');
  }
  return home;
}
const STARLIGHT_PACKAGE = '@astrojs/starlight@^0.42.9';

interface IncrementalFigures {
  corpus: string;
  firstWallMs: number;
  secondWallMs: number;
  ratio: number;
  firstCpuMs: number | null;
  secondCpuMs: number | null;
  cpuRatio: number | null;
  secondPeakRssMB: number | null;
  secondPhases: BuildPhases;
  /** Where the edited words were found after the second build. */
  editSeenIn: { ledger: boolean; citedBy: boolean; searchIndex: boolean };
}

/** Whether any Pagefind fragment (gzip files) holds the text. */
function searchIndexHas(site: string, text: string): boolean {
  const fragments = join(site, 'pagefind', 'fragment');
  return (
    existsSync(fragments) &&
    readdirSync(fragments).some((file) =>
      gunzipSync(readFileSync(join(fragments, file)))
        .toString('utf8')
        .includes(text),
    )
  );
}

/**
 * A second build after one page is edited: its first claim gets a new word. The first build has
 * just run into `outDir` with the same content folder, so its cache is warm.
 */
function incrementalBuild(first: BuildFigures, contentDir: string, pageFile: string, outDir: string): IncrementalFigures {
  const marker = 'benchedited';
  const path = join(contentDir, 'pages', pageFile);
  const text = readFileSync(path, 'utf8');
  const edited = editFirstClaim(text, marker);
  writeFileSync(path, edited);
  process.stdout.write(`bench: building ${first.corpus} again after editing ${pageFile} … `);
  const build = timedBuild({ contentDir }, outDir);
  process.stdout.write(`${seconds(build.wallMs)} (CPU ${seconds(build.cpuMs)})\n`);
  if (!build.ok) failed(`${first.corpus} (second)`, build);
  const ledger = readFileSync(join(outDir, 'citations.json'), 'utf8');
  const source = /\[@(synthetic-source-\d+):/.exec(edited.slice(edited.indexOf(marker)))![1];
  return {
    corpus: first.corpus,
    firstWallMs: first.wallMs,
    secondWallMs: Math.round(build.wallMs),
    ratio: Number((build.wallMs / first.wallMs).toFixed(3)),
    firstCpuMs: first.cpuMs,
    secondCpuMs: build.cpuMs,
    cpuRatio: build.cpuMs && first.cpuMs ? Number((build.cpuMs / first.cpuMs).toFixed(3)) : null,
    secondPeakRssMB: build.peakRssMB === null ? null : Math.round(build.peakRssMB),
    secondPhases: parsePhases(build.output),
    editSeenIn: {
      ledger: ledger.includes(marker),
      citedBy: readFileSync(join(outDir, 'sources', source, 'index.html'), 'utf8').includes(marker),
      searchIndex: searchIndexHas(outDir, marker),
    },
  };
}

/**
 * The MDX corpus under `node --cpu-prof`: self time by function and by component. A cold build,
 * but for the preview images, copied from the measured build's cache: sharp encodes them in native
 * threads, which the profile does not sample, and drawing them again would only add wall time.
 */
function profileBuild(contentDir: string, outDir: string, measuredOutDir: string) {
  const profileDir = join(work, 'cpu-profile');
  rmSync(profileDir, { recursive: true, force: true });
  const cacheDir = explainerCacheDir(contentDir, outDir);
  clearCaches(contentDir, outDir);
  const previews = join(explainerCacheDir(contentDir, measuredOutDir), 'preview-images');
  if (existsSync(previews)) cpSync(previews, join(cacheDir, 'preview-images'), { recursive: true });
  process.stdout.write(`bench: building ${contentDir} under --cpu-prof … `);
  const build = timedBuild({ contentDir }, outDir, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  process.stdout.write(`${seconds(build.wallMs)}\n`);
  if (!build.ok) failed('profiled', build);
  const profiles = readdirSync(profileDir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile);
  return { wallMs: Math.round(build.wallMs), profiles: profiles.length, ...summariseProfiles(profiles) };
}

/** One page of each type: the first in path order. */
function pagesByType(outDir: string): Record<string, string> {
  const pages = listPages(outDir);
  const byType: Record<string, string> = {};
  const kinds: Array<[string, (path: string) => boolean]> = [
    ['home', (p) => p === '/'],
    // A top-level explainer page with citations (not an editorial one such as /about/).
    ['explainer', (p) => pageType(p) === 'explainer' && p.split('/').length === 3 && !/^\/(incidents|actors|glossary)\/$/.test(p) && readPage(outDir, p).includes('class="cite-marker"')],
    ['incident', (p) => /^\/incidents\/[^/]+\/$/.test(p)],
    ['actor', (p) => /^\/actors\/[^/]+\/$/.test(p)],
    ['source', (p) => pageType(p) === 'source'],
    ['search', (p) => pageType(p) === 'search'],
  ];
  for (const [kind, test] of kinds) {
    const found = pages.find(test);
    if (found) byType[kind] = found;
  }
  return byType;
}

interface WeightFigures {
  type: string;
  path: string;
  plainGzip: number;
  plainByKind: Record<string, number>;
  afterSearchGzip: number | null;
  afterSearchByKind: Record<string, number> | null;
}

async function pageWeights(outDir: string, byType: Record<string, string>): Promise<WeightFigures[]> {
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  const figures: WeightFigures[] = [];
  try {
    for (const [type, path] of Object.entries(byType)) {
      const url = new URL(path.slice(1), server.url).href;
      // A fresh context each time: an empty cache, as a first visit.
      const plainContext = await browser.newContext();
      const plain = await weighPage(plainContext, url, path);
      await plainContext.close();
      const searchContext = await browser.newContext();
      let afterSearch: Awaited<ReturnType<typeof weighPage>> | null = null;
      afterSearch = await weighPage(searchContext, url, path, async (page) => {
        const input = page.locator('#site-search-input, input[type="search"]').first();
        if ((await input.count()) === 0) throw new Error('no search box');
        await input.fill('Lachin');
        await page.waitForTimeout(500);
      }).catch(() => null);
      await searchContext.close();
      figures.push({
        type,
        path,
        plainGzip: plain.total,
        plainByKind: plain.byKind,
        afterSearchGzip: afterSearch?.total ?? null,
        afterSearchByKind: afterSearch?.byKind ?? null,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

/** What the bench uses of Lighthouse and chrome-launcher. */
interface LighthouseModules {
  lighthouse(url: string, flags: object): Promise<{ lhr: { categories: Record<string, { score: number | null }> } } | undefined>;
  launch(options: object): Promise<{ port: number; kill(): unknown }>;
}

/**
 * Lighthouse is the bench's alone: it is not in package.json, so that `npm install` for the tests
 * does not fetch it. The first bench run installs it (--no-save) when it is missing.
 */
async function loadLighthouse(): Promise<LighthouseModules> {
  // Installed before the first import: Node remembers a failed import for the rest of the process.
  if (!existsSync(resolve('node_modules/lighthouse/package.json')) || !existsSync(resolve('node_modules/chrome-launcher/package.json'))) {
    console.log(`bench: installing ${LIGHTHOUSE_PACKAGES.join(' ')} for the Lighthouse figures (not saved to package.json)`);
    const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', ...LIGHTHOUSE_PACKAGES], { stdio: 'inherit' });
    if (install.status !== 0) throw new Error('npm install of Lighthouse failed');
  }
  // Names in variables: the type checker must not need the packages either.
  const [lighthouseName, launcherName] = ['lighthouse', 'chrome-launcher'];
  return { lighthouse: (await import(lighthouseName)).default, launch: (await import(launcherName)).launch } as LighthouseModules;
}
const LIGHTHOUSE_PACKAGES = ['lighthouse@^12.8.2', 'chrome-launcher@^1.2.1'];

async function lighthouseScores(outDir: string, byType: Record<string, string>): Promise<Record<string, Record<string, number | null>> | string> {
  let modules: LighthouseModules;
  try {
    modules = await loadLighthouse();
  } catch (error) {
    return `n/a (Lighthouse could not be installed: ${(error as Error).message})`;
  }
  const { lighthouse, launch } = modules;
  const server = await serveStatic(outDir);
  const profile = join(work, 'lighthouse-profile');
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  const chrome = await launch({
    chromePath: chromiumPath,
    // Lighthouse needs the new headless mode; the rest as for the tests.
    chromeFlags: ['--headless=new', ...chromiumArgs.filter((flag) => flag !== '--headless')],
    userDataDir: profile,
  });
  const scores: Record<string, Record<string, number | null>> = {};
  try {
    for (const [type, path] of Object.entries(byType)) {
      process.stdout.write(`bench: Lighthouse ${type} (${path}) … `);
      const result = await lighthouse(new URL(path.slice(1), server.url).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const categories = result?.lhr.categories ?? {};
      scores[type] = Object.fromEntries(Object.entries(categories).map(([id, category]) => [id, category.score === null ? null : Math.round(category.score * 100)]));
      process.stdout.write(`${Object.values(scores[type]).join(' / ')}\n`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return scores;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}

const ratio = (value: number | null) => (value === null ? '' : `${value.toFixed(2)}×`);

function printBuildTable(builds: BuildFigures[]): void {
  printTable(
    [
      'corpus',
      'explainer pages',
      'built pages',
      'citations',
      'wall',
      '÷ floor',
      'CPU',
      '÷ floor',
      'peak RSS',
      '÷ floor',
      'wall ÷ Starlight',
      'CPU ÷ Starlight',
      'RSS ÷ Starlight',
      'ms/page',
      'ms/added page',
      'citation check',
      'output',
      'HTML/page',
      'search index',
    ],
    builds.map((b) => [
      b.corpus,
      String(b.explainerPages),
      String(b.pages),
      b.citations === null ? '' : String(b.citations),
      seconds(b.wallMs),
      ratio(b.wallRatioToFloor),
      seconds(b.cpuMs),
      ratio(b.cpuRatioToFloor),
      b.peakRssMB === null ? 'n/a' : `${b.peakRssMB} MB`,
      ratio(b.rssRatioToFloor),
      ratio(b.wallRatioToStarlight),
      ratio(b.cpuRatioToStarlight),
      ratio(b.rssRatioToStarlight),
      b.msPerPage.toFixed(1),
      b.marginalMsPerPage === null ? '' : b.marginalMsPerPage.toFixed(1),
      b.citationCheckMs === null ? '' : seconds(b.citationCheckMs),
      MB(b.totalBytes),
      kB(b.htmlBytesPerPage),
      b.searchIndexBytes === null ? 'n/a' : MB(b.searchIndexBytes),
    ]),
  );
  console.log('CPU: user + system time of the build; on a shared machine its ratios are steadier than wall time.');
  console.log('÷ floor: over the same page texts without citations built as plain Markdown by a bare Astro project, in this run.');
  console.log('÷ Starlight: our .md (.mdx) build over Starlight building the same texts without citations as .md (.mdx), in this run.');
  console.log('ms/added page: extra wall time per explainer page since the next smaller corpus of the same kind (flat = linear).');
  console.log('citation check: the citation engine alone over every page, measured apart (it also runs inside the build).');
  printTable(
    ['corpus', 'content sync', 'bundling', 'rendering', 'of which cite downloads', 'source pages', 'other routes', 'preview images', 'Pagefind', 'dist check', 'Astro total'],
    builds.map(({ corpus, phases: p }) => [
      corpus,
      seconds(p.contentSyncMs),
      seconds(p.bundlingMs),
      seconds(p.renderingMs),
      seconds(p.citeDownloadsMs),
      seconds(p.sourcePagesMs),
      seconds(p.otherRoutesMs),
      seconds(p.previewImagesMs),
      seconds(p.pagefindMs),
      seconds(p.distCheckMs),
      seconds(p.astroTotalMs),
    ]),
  );
  console.log("Phases from the build's log: Astro's own \"Completed in\" lines, its per-route timings and the integrations' lines.");
  console.log('The cite downloads and preview images are written by a worker thread while Astro renders: their columns are the time the build waited for them after rendering.');
  const phaseMemory = (b: BuildFigures, phase: PhaseMemory['phase']) => {
    const m = b.memory.find((row) => row.phase === phase);
    return m ? `${m.startRssMB} → ${m.peakRssMB} MB (heap ${m.peakHeapMB})` : 'n/a';
  };
  printTable(
    ['corpus', 'data store (disk)', 'content sync: RSS start → peak (JS heap peak)', 'bundling', 'rendering', 'after rendering', 'peak RSS (all)'],
    builds
      .filter((b) => b.memory.length > 0)
      .map((b) => [
        b.corpus,
        b.dataStoreMB === null ? 'n/a' : `${b.dataStoreMB} MB`,
        phaseMemory(b, 'content sync'),
        phaseMemory(b, 'bundling'),
        phaseMemory(b, 'rendering'),
        phaseMemory(b, 'after rendering'),
        b.peakRssMB === null ? 'n/a' : `${b.peakRssMB} MB`,
      ]),
  );
  console.log("Memory per phase: the main process's RSS (its worker thread included) and JavaScript heap, sampled every 250 ms against the log's timestamps; the data store is");
  console.log(
    "the content layer's file on disk (a Markdown page's HTML is kept apart, lib/page-html.ts). The bundler's share is its phase's rise over its start; Pagefind runs in a process of its own.",
  );
  if (!sizes.some((n) => n >= 5000)) console.log('The 5,000-page corpus was not built (opt-in: --sizes 100,1000,5000).');
}

async function main() {
  mkdirSync(work, { recursive: true });
  const machine = { date: new Date().toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version };
  console.log(`bench: ${machine.date}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}`);

  const builds: BuildFigures[] = [];
  const incremental: IncrementalFigures[] = [];
  let profile: ReturnType<typeof profileBuild> | string = values['no-profile'] ? 'skipped (--no-profile)' : 'not run (no corpus of 1,000 pages or fewer)';
  // A one-page edit is rebuilt at every size; the profile is of the 1,000-page corpus (or the largest below it, for a quick run).
  const profileSize = Math.max(...sizes.filter((n) => n <= 1000));
  const realOut = join(work, 'real');
  builds.push(measureBuild('real site', 'real', { contentDir: resolve('content') }, realOut, readdirSync('content/sources').filter((f) => f.endsWith('.md')).length));
  for (const pages of sizes.sort((a, b) => a - b)) {
    const floorRoot = join(work, `floor-${pages}`);
    writeCorpus({ dir: floorRoot, pages, sources: SOURCES, format: 'floor' });
    const floor = measureBuild(`floor ${pages}`, 'floor', { root: floorRoot }, join(floorRoot, 'dist'), 0);
    builds.push(floor);
    const starlight = new Map<'md' | 'mdx', BuildFigures>();
    if (!values['no-starlight']) {
      for (const format of ['md', 'mdx'] as const) {
        const root = join(starlightHome(), 'sites', `starlight-${pages}-${format}`);
        writeCorpus({ dir: root, pages, sources: SOURCES, format: `starlight-${format}` });
        const figures = measureBuild(`Starlight ${format} ${pages}`, `starlight-${format}`, { root }, join(root, 'dist'), 0);
        Object.assign(figures, { wallRatioToFloor: ratiosTo(figures, floor).wall, cpuRatioToFloor: ratiosTo(figures, floor).cpu, rssRatioToFloor: ratiosTo(figures, floor).rss });
        starlight.set(format, figures);
        builds.push(figures);
        if (!values.keep) rmSync(root, { recursive: true, force: true });
      }
    }
    for (const format of ['mdx', 'md'] as const) {
      const contentDir = join(work, `corpus-${pages}-${format}`);
      process.stdout.write(`bench: generating ${pages} .${format} pages over ${SOURCES} sources … `);
      const corpus = writeCorpus({ dir: contentDir, pages, sources: SOURCES, format });
      process.stdout.write(`${corpus.citations} citations\n`);
      const outDir = join(work, `out-${pages}-${format}`);
      const figures = measureBuild(`${format} ${pages}`, format, { contentDir }, outDir, SOURCES);
      const toFloor = ratiosTo(figures, floor);
      Object.assign(figures, { wallRatioToFloor: toFloor.wall, cpuRatioToFloor: toFloor.cpu, rssRatioToFloor: toFloor.rss });
      const starlightBuild = starlight.get(format);
      if (starlightBuild) {
        const toStarlight = ratiosTo(figures, starlightBuild);
        Object.assign(figures, { wallRatioToStarlight: toStarlight.wall, cpuRatioToStarlight: toStarlight.cpu, rssRatioToStarlight: toStarlight.rss });
      }
      const previous = builds.findLast((b) => b.format === format);
      if (previous) figures.marginalMsPerPage = Number(((figures.wallMs - previous.wallMs) / (figures.explainerPages - previous.explainerPages)).toFixed(2));
      builds.push(figures);
      incremental.push(incrementalBuild(figures, contentDir, corpus.pageFiles[Math.floor(pages / 2)], outDir));
      if (pages === profileSize && format === 'mdx' && !values['no-profile']) profile = profileBuild(contentDir, join(work, 'out-profile'), outDir);
      writeFileSync(join(work, 'partial-results.json'), JSON.stringify({ builds, incremental, profile }, null, 1));
      if (!values.keep) rmSync(outDir, { recursive: true, force: true });
    }
    if (!values.keep) rmSync(join(floorRoot, 'dist'), { recursive: true, force: true });
  }
  printBuildTable(builds);
  if (incremental.length > 0) {
    printTable(
      ['corpus', 'first build', 'after a one-page edit', 'ratio', 'CPU first → second', 'CPU ratio', 'edit in ledger / cited by / search'],
      incremental.map((i) => [
        i.corpus,
        seconds(i.firstWallMs),
        seconds(i.secondWallMs),
        `${(i.ratio * 100).toFixed(0)}%`,
        `${seconds(i.firstCpuMs)} → ${seconds(i.secondCpuMs)}`,
        i.cpuRatio === null ? '' : `${(i.cpuRatio * 100).toFixed(0)}%`,
        Object.values(i.editSeenIn)
          .map((seen) => (seen ? 'yes' : 'NO'))
          .join(' / '),
      ]),
    );
  }
  if (typeof profile === 'string') console.log(`\nProfile: ${profile}`);
  else {
    console.log(`\nCPU profile of the ${profileSize}-page MDX build (${profile.profiles} thread profile(s), ${seconds(profile.totalMs)} sampled): self time by component`);
    for (const c of profile.components.slice(0, 12)) console.log(`  ${seconds(c.selfMs).padStart(8)} ${(c.share * 100).toFixed(1).padStart(5)}%  ${c.name}`);
    console.log('  top functions:');
    for (const f of profile.functions.slice(0, 15)) console.log(`  ${seconds(f.selfMs).padStart(8)} ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
  }

  const byType = pagesByType(realOut);
  const weights = await pageWeights(realOut, byType);
  console.log('\nPage weight of the real site, gzip, first visit (plain view → after typing a search):');
  for (const w of weights) {
    const kinds = Object.entries(w.plainByKind)
      .map(([k, v]) => `${k} ${kB(v)}`)
      .join(', ');
    console.log(`  ${w.type.padEnd(9)} ${w.path.padEnd(48)} ${kB(w.plainGzip).padStart(9)} → ${w.afterSearchGzip === null ? 'n/a (no search box)' : kB(w.afterSearchGzip)}   (${kinds})`);
  }

  let lighthouse: Awaited<ReturnType<typeof lighthouseScores>> = 'skipped (--no-lighthouse)';
  if (!values['no-lighthouse']) {
    lighthouse = await lighthouseScores(realOut, byType);
    if (typeof lighthouse === 'string') console.log(`\nLighthouse: ${lighthouse}`);
    else {
      console.log('\nLighthouse (mobile): performance / accessibility / best practices / SEO');
      for (const [type, scores] of Object.entries(lighthouse)) {
        console.log(`  ${type.padEnd(9)} ${['performance', 'accessibility', 'best-practices', 'seo'].map((c) => String(scores[c] ?? 'n/a').padStart(4)).join(' ')}`);
      }
    }
  }

  let search: unknown = 'skipped (--no-search)';
  if (!values['no-search']) {
    try {
      const { benchSearch, printSearchBench } = await import('./bench-search.ts');
      const result = await benchSearch({ dir: realOut });
      console.log('');
      printSearchBench(result);
      search = result;
    } catch (error) {
      search = `n/a (${(error as Error).message.split('\n')[0]})`;
      console.log(`\nSearch latency: ${search}`);
    }
  }

  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ machine, builds, incremental, profile, pageWeights: weights, lighthouse, search, notes: { fiveThousand: sizes.some((n) => n >= 5000) ? 'run' : 'not run (opt-in: --sizes 100,1000,5000)' } }, null, 1)}\n`,
  );
  console.log(`\nbench: wrote ${relative(process.cwd(), resolve('bench/results.json'))}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

await main();
