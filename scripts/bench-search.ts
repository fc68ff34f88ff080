/**
 * Search bench: what a reader's first search costs in bytes, and how fast warm searches answer.
 *
 *   node_modules/.bin/node scripts/bench-search.ts [--dir <built site>] [--rounds 5]
 *
 * Without --dir it builds the site from content/ into .builds/bench-search first. The site is
 * served on 127.0.0.1 and driven in headless Chromium:
 * - cold query: from a plain page view (nothing of search loaded), focus the header box and
 *   type a query, until its results are shown; every byte fetched meanwhile is counted (search
 *   code, Pagefind, its WebAssembly, index chunks, fragments, the alias map);
 * - warm queries: on the search page, once search has loaded, each query is submitted (Enter,
 *   so no typing debounce is counted) and timed from submission to its results in the DOM; and
 *   the CPU time of the page's main thread over those runs (steadier than wall time on a busy
 *   machine; it includes laying out and painting the results, which the wall time stops before).
 * Prints a table and writes bench/search-results.json. scripts/bench.ts calls benchSearch().
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/helpers/browser.ts';
import { buildSite } from '../tests/helpers/build-site.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { namedEntries } from '../tests/site/search/harness.ts';

export interface SearchBench {
  site: string;
  index: { totalBytes: number; files: number; byKind: Record<string, number>; pages: number };
  cold: { query: string; bytes: number; gzipBytes: number; requests: number; byKind: Record<string, number>; ms: number; files: Array<{ url: string; bytes: number; gzip: number }> };
  warm: { queries: number; runs: number; medianMs: number; p95Ms: number; maxMs: number; mainThreadCpuMsPerRun: number };
}

const kindOf = (path: string): string => {
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (path.includes('/pagefind/index/')) return 'index chunks';
  if (path.includes('/pagefind/filter/')) return 'filters';
  if (/\/pagefind\/.*\.pf_meta$/.test(path) || path.endsWith('pagefind-entry.json')) return 'index metadata';
  if (/\/pagefind\/wasm\./.test(path)) return 'wasm';
  if (path.endsWith('.js')) return 'javascript';
  if (path.endsWith('aliases.json')) return 'alias map';
  return 'other';
};

function indexSize(outDir: string) {
  const dir = join(outDir, 'pagefind');
  const byKind: Record<string, number> = {};
  let totalBytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const size = statSync(path).size;
        // Only what a search can fetch: Pagefind also writes UI bundles this site does not use.
        const kind = /pagefind-(component-|modular-)?ui\.(js|css)$/.test(entry.name) ? 'unused UI bundles' : kindOf(`/pagefind/${relative(dir, path)}`);
        byKind[kind] = (byKind[kind] ?? 0) + size;
        totalBytes += size;
        files++;
      }
    }
  };
  walk(dir);
  const pages = readdirSync(join(dir, 'fragment')).length;
  return { totalBytes, files, byKind, pages };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function benchSearch(options: { dir?: string; rounds?: number; contentDir?: string } = {}): Promise<SearchBench> {
  const contentDir = resolve(options.contentDir ?? 'content');
  let outDir = options.dir;
  if (!outDir) {
    const build = buildSite(contentDir, { outDir: resolve('.builds/bench-search') });
    if (!build.ok) throw new Error(`build failed:\n${build.output}`);
    outDir = build.outDir;
  }
  const rounds = options.rounds ?? 5;
  const entries = namedEntries(contentDir);
  const queries = [...new Set(entries.flatMap((e) => [e.name, ...e.altNames]))].slice(0, 40);
  if (!queries.length) throw new Error('no actor or glossary names to search for');

  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    // Cold: a fresh context (empty cache), a plain page, then the first search.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    const coldQuery = queries[0];
    // Counted from the server's own log (file sizes of what it served), which sees every fetch,
    // the Web Worker's included; the server sends no compression, so these are raw bytes.
    const firstLogged = server.log.length;
    const rendered = page.evaluate(
      (q) => new Promise<number>((done) => document.addEventListener('explainer-search:rendered', (e) => (e as CustomEvent).detail.query === q && done(performance.now()))),
      coldQuery,
    );
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#site-search-input').fill(coldQuery);
    const t1 = await rendered;
    await page.waitForLoadState('networkidle');
    const fetched = server.log
      .slice(firstLogged)
      .filter((entry) => entry.status === 200)
      .map((entry) => {
        const path = decodeURIComponent(new URL(entry.path, server.origin).pathname);
        const file = join(outDir!, path.endsWith('/') ? `${path}index.html` : path);
        return { url: path, bytes: statSync(file).size, gzip: gzipSync(readFileSync(file)).length };
      });
    const coldByKind: Record<string, number> = {};
    for (const f of fetched) coldByKind[kindOf(f.url)] = (coldByKind[kindOf(f.url)] ?? 0) + f.bytes;
    await context.close();

    // Warm: the search page, loaded and warmed with every query once.
    const warmContext = await browser.newContext();
    const warmPage = await warmContext.newPage();
    await warmPage.goto(`${server.url}search/`);
    await warmPage.waitForSelector('#search-page-input');
    const timeQuery = (q: string) =>
      warmPage.evaluate(
        (q) =>
          new Promise<number>((done) => {
            const input = document.querySelector<HTMLInputElement>('#search-page-input')!;
            const start = performance.now();
            document.addEventListener('explainer-search:rendered', function on(e) {
              if ((e as CustomEvent).detail.query !== q) return;
              document.removeEventListener('explainer-search:rendered', on);
              done(performance.now() - start);
            });
            input.value = q;
            input.form!.requestSubmit();
          }),
        q,
      );
    for (const q of queries) await timeQuery(q);
    // Wall time waits for a CPU on a shared machine; the CPU time of the page's main thread
    // (Chromium's ThreadTime) does not, so it is the steadier figure to compare two builds by
    // (of the main thread only: a search run in a Web Worker would not be in it).
    const cdp = await warmContext.newCDPSession(warmPage);
    await cdp.send('Performance.enable');
    const cpuSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
    const cpuBefore = await cpuSeconds();
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) for (const q of queries) times.push(await timeQuery(q));
    const cpuMs = ((await cpuSeconds()) - cpuBefore) * 1000;
    await warmContext.close();
    times.sort((a, b) => a - b);

    return {
      site: relative(process.cwd(), outDir) || outDir,
      index: indexSize(outDir),
      cold: {
        query: coldQuery,
        bytes: fetched.reduce((n, f) => n + f.bytes, 0),
        gzipBytes: fetched.reduce((n, f) => n + f.gzip, 0),
        requests: fetched.length,
        byKind: coldByKind,
        ms: Math.round(t1 - t0),
        files: fetched,
      },
      warm: {
        queries: queries.length,
        runs: times.length,
        medianMs: Number(percentile(times, 50).toFixed(1)),
        p95Ms: Number(percentile(times, 95).toFixed(1)),
        maxMs: Number(times[times.length - 1].toFixed(1)),
        mainThreadCpuMsPerRun: Number((cpuMs / times.length).toFixed(1)),
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function printSearchBench(result: SearchBench): void {
  const rows: Array<[string, string]> = [
    ['index on disk (searchable part)', kb(result.index.totalBytes - (result.index.byKind['unused UI bundles'] ?? 0))],
    ['  pages indexed', String(result.index.pages)],
    ...Object.entries(result.index.byKind).map(([k, v]) => [`  ${k}`, kb(v)] as [string, string]),
    [`cold query “${result.cold.query}”: bytes fetched`, `${kb(result.cold.bytes)} in ${result.cold.requests} requests (${kb(result.cold.gzipBytes)} if the host gzips)`],
    ...Object.entries(result.cold.byKind).map(([k, v]) => [`  ${k}`, kb(v)] as [string, string]),
    ['cold query: ms to first results (one run, informative)', String(result.cold.ms)],
    [`warm queries (${result.warm.queries} queries × rounds = ${result.warm.runs} runs): median ms`, String(result.warm.medianMs)],
    ['warm queries: p95 ms', String(result.warm.p95Ms)],
    ['warm queries: max ms', String(result.warm.maxMs)],
    ['warm queries: main-thread CPU ms per run (mean)', String(result.warm.mainThreadCpuMsPerRun)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('Search bench');
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, rounds: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(
      'node scripts/bench-search.ts [--dir <built site>] [--rounds 5]\n  --dir     a site already built (else the site is built from content/ into .builds/bench-search)\n  --rounds  warm rounds over the 40 queries (default 5)',
    );
    process.exit(0);
  }
  const result = await benchSearch({ dir: values.dir, rounds: values.rounds ? Number(values.rounds) : undefined });
  printSearchBench(result);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/search-results.json', `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
  console.log('written: bench/search-results.json');
}
