/**
 * The build benchmark: npm run bench (node_modules/.bin/node scripts/bench.ts).
 *
 *   node_modules/.bin/node scripts/bench.ts [--quick] [--sizes 100,1000,5000] [--no-lighthouse] [--no-search] [--keep]
 *
 * - Build: wall time and peak memory (/usr/bin/time) of `astro build` for the real site and for
 *   synthetic corpora (pages of ~20 citations over 500 synthetic sources, generated under
 *   .builds/bench/, never committed), split into Astro build, citation checking and Pagefind
 *   indexing; ms per page and how it grows with size.
 *   * Pagefind: the time the search integration logs ("indexed N pages in X ms"), or "n/a (no
 *     search index)" when the build has none.
 *   * Citation checking runs inside Astro's Markdown pipeline and is not reported apart by it; it
 *     is measured here on its own: the same remark plugin (parse, resolve every quote against the
 *     archive, render markers and endnotes) over every page, in this process.
 *   * The 5,000-page corpus takes about 4 minutes on two cores (peak memory ~6 GB), the whole
 *     bench about 8; --quick leaves it out (100 and 1,000 pages only).
 * - Output: total size, HTML bytes per page, search index size.
 * - Page weight per page type (home, explainer, incident, actor, source, search), gzip, on a plain
 *   view and after the reader starts to search.
 * - Lighthouse (mobile, its default) scores for those page types, with Debian's Chromium.
 * - Search latency: scripts/bench-search.ts.
 * Prints a table and writes bench/results.json (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkCitations } from '../src/citations/remark-citations.ts';
import { chromiumArgs, chromiumPath, launchChromium } from '../tests/helpers/browser.ts';
import { buildEnv } from '../tests/helpers/build-site.ts';
import { listFiles, listPages, pageType, readPage } from '../tests/helpers/site.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { weighPage } from '../tests/helpers/weight.ts';
import { writeCorpus } from './bench-corpus.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    quick: { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0 && !(values.quick && n > 1000));
const SOURCES = 500;
const work = resolve('.builds/bench');

interface BuildFigures {
  corpus: string;
  /** Explainer pages (content/pages/**.mdx). */
  explainerPages: number;
  /** Every page built (explainer, source, index pages). */
  pages: number;
  sources: number;
  citations: number | null;
  ok: boolean;
  wallMs: number;
  peakRssMB: number | null;
  astroMs: number;
  pagefindMs: number | null;
  citationCheckMs: number | null;
  msPerPage: number;
  /** Wall ms per explainer page added since the next smaller synthetic corpus: flat when growth is linear. */
  marginalMsPerPage: number | null;
  totalBytes: number;
  htmlBytesPerPage: number;
  searchIndexBytes: number | null;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function dirBytes(dir: string): number {
  return existsSync(dir) ? listFiles(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) : 0;
}

/** `astro build` as npm run build runs it, under /usr/bin/time for peak memory when it is there. */
function timedBuild(contentDir: string, outDir: string): { ok: boolean; output: string; wallMs: number; peakRssMB: number | null } {
  rmSync(outDir, { recursive: true, force: true });
  const command = [resolve('node_modules/.bin/node'), resolve('node_modules/astro/bin/astro.mjs'), 'build'];
  const gnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = spawnSync(gnuTime ? '/usr/bin/time' : command[0], gnuTime ? ['-f', '__bench_time__ %M', ...command] : command.slice(1), {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...buildEnv(), EXPLAINER_CONTENT: contentDir, EXPLAINER_OUT: outDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const wallMs = performance.now() - started;
  const output = `${result.stdout}\n${result.stderr}`;
  const rss = /__bench_time__ (\d+)/.exec(output);
  return { ok: result.status === 0, output, wallMs, peakRssMB: rss ? Number(rss[1]) / 1024 : null };
}

/** The citation engine alone over every page: parse MDX, resolve and render every citation. */
function citationCheck(contentDir: string): { ms: number; citations: number } {
  const pagesDir = join(contentDir, 'pages');
  const files = listFiles(pagesDir).filter((file) => file.endsWith('.mdx'));
  const started = performance.now();
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkCitations, { contentDir, base: '/' });
  let citations = 0;
  for (const file of files) {
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

function measureBuild(corpus: string, contentDir: string, outDir: string, sources: number): BuildFigures {
  process.stdout.write(`bench: building ${corpus} … `);
  const build = timedBuild(contentDir, outDir);
  process.stdout.write(`${(build.wallMs / 1000).toFixed(1)} s\n`);
  if (!build.ok) {
    console.error(build.output.slice(-4000));
    throw new Error(`bench: the ${corpus} build failed`);
  }
  const pagefind = /indexed (\d+) pages in (\d+) ms/.exec(build.output);
  const pages = listPages(outDir).length;
  const html = listFiles(outDir).filter((file) => file.endsWith('.html'));
  const check = citationCheck(contentDir);
  const pagefindMs = pagefind ? Number(pagefind[2]) : null;
  return {
    corpus,
    explainerPages: listFiles(join(contentDir, 'pages')).filter((file) => file.endsWith('.mdx')).length,
    pages,
    sources,
    citations: check.citations,
    ok: build.ok,
    wallMs: Math.round(build.wallMs),
    peakRssMB: build.peakRssMB === null ? null : Math.round(build.peakRssMB),
    astroMs: Math.round(build.wallMs - (pagefindMs ?? 0)),
    pagefindMs,
    citationCheckMs: Math.round(check.ms),
    msPerPage: Number((build.wallMs / pages).toFixed(2)),
    marginalMsPerPage: null,
    totalBytes: dirBytes(outDir),
    htmlBytesPerPage: Math.round(html.reduce((sum, file) => sum + statSync(join(outDir, file)).size, 0) / pages),
    searchIndexBytes: existsSync(join(outDir, 'pagefind')) ? dirBytes(join(outDir, 'pagefind')) : null,
  };
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

async function lighthouseScores(outDir: string, byType: Record<string, string>): Promise<Record<string, Record<string, number | null>> | string> {
  let lighthouse: typeof import('lighthouse').default;
  let launch: typeof import('chrome-launcher').launch;
  try {
    lighthouse = (await import('lighthouse')).default;
    launch = (await import('chrome-launcher')).launch;
  } catch (error) {
    return `n/a (lighthouse not installed: ${(error as Error).message})`;
  }
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
      scores[type] = Object.fromEntries(
        Object.entries(categories).map(([id, category]) => [id, category.score === null ? null : Math.round(category.score * 100)]),
      );
      process.stdout.write(`${Object.values(scores[type]).join(' / ')}\n`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return scores;
}

function printBuildTable(builds: BuildFigures[]): void {
  const header = ['corpus', 'explainer pages', 'built pages', 'citations', 'wall', 'peak RSS', 'Astro build', 'citation check', 'Pagefind', 'ms/page', 'ms/added page', 'output', 'HTML/page', 'search index'];
  const rows = builds.map((b) => [
    b.corpus,
    String(b.explainerPages),
    String(b.pages),
    b.citations === null ? '?' : String(b.citations),
    `${(b.wallMs / 1000).toFixed(1)} s`,
    b.peakRssMB === null ? 'n/a' : `${b.peakRssMB} MB`,
    `${(b.astroMs / 1000).toFixed(1)} s`,
    b.citationCheckMs === null ? 'n/a' : `${(b.citationCheckMs / 1000).toFixed(2)} s`,
    b.pagefindMs === null ? 'n/a (no search index)' : `${(b.pagefindMs / 1000).toFixed(2)} s`,
    b.msPerPage.toFixed(1),
    b.marginalMsPerPage === null ? '' : b.marginalMsPerPage.toFixed(1),
    MB(b.totalBytes),
    kB(b.htmlBytesPerPage),
    b.searchIndexBytes === null ? 'n/a' : MB(b.searchIndexBytes),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  console.log('ms/page: wall time over built pages (explainer and source pages). ms/added page: extra wall time per explainer page');
  console.log('  added since the next smaller corpus (same 500 sources); it stays flat while the build grows linearly.');
  console.log('citation check: the citation engine alone over every page, measured apart (it also runs inside the Astro build time).');
  if (!sizes.includes(5000)) console.log('The 5,000-page corpus was not built (--quick or --sizes): it takes about 4 minutes on two cores.');
}

async function main() {
  mkdirSync(work, { recursive: true });
  const machine = { date: new Date().toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version };
  console.log(`bench: ${machine.date}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}`);

  const builds: BuildFigures[] = [];
  const realOut = join(work, 'real');
  builds.push(measureBuild('real site', resolve('content'), realOut, readdirSync('content/sources').filter((f) => f.endsWith('.md')).length));
  for (const pages of sizes.sort((a, b) => a - b)) {
    const contentDir = join(work, `corpus-${pages}`);
    process.stdout.write(`bench: generating ${pages} pages over ${SOURCES} sources … `);
    const corpus = writeCorpus({ dir: contentDir, pages, sources: SOURCES });
    process.stdout.write(`${corpus.citations} citations\n`);
    const figures = measureBuild(`synthetic ${pages}`, contentDir, join(work, `out-${pages}`), SOURCES);
    const previous = builds.at(-1)!;
    if (previous.corpus.startsWith('synthetic')) {
      figures.marginalMsPerPage = Number(((figures.wallMs - previous.wallMs) / (figures.explainerPages - previous.explainerPages)).toFixed(2));
    }
    builds.push(figures);
    writeFileSync(join(work, 'partial-results.json'), JSON.stringify(builds, null, 1));
    if (!values.keep) rmSync(join(work, `out-${pages}`), { recursive: true, force: true });
  }
  printBuildTable(builds);

  const byType = pagesByType(realOut);
  const weights = await pageWeights(realOut, byType);
  console.log('\nPage weight of the real site, gzip, first visit (plain view → after typing a search):');
  for (const w of weights) {
    const kinds = Object.entries(w.plainByKind).map(([k, v]) => `${k} ${kB(v)}`).join(', ');
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
    `${JSON.stringify({ machine, builds, pageWeights: weights, lighthouse, search, notes: { fiveThousand: sizes.includes(5000) ? 'run' : 'not run (--quick or --sizes)' } }, null, 1)}\n`,
  );
  console.log(`\nbench: wrote ${relative(process.cwd(), resolve('bench/results.json'))}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

await main();
