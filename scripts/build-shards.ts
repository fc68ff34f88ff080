import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSearchIndex } from '../packages/cited-explainer/search/integration.ts';
import { checkBuiltSite, distReport, readBuiltSite } from '../packages/cited-explainer/security/dist-files.ts';

/**
 * A site built in slices (packages/cited-explainer/integration/shard.ts), and the slices merged:
 *
 *   node scripts/build-shards.ts --content DIR --out DIR --shards N [--base PATH]
 *       builds the N shards one after another (EXPLAINER_SHARD=i/N), then merges them;
 *   node scripts/build-shards.ts --content DIR --out DIR --merge SHARD1,SHARD2,… [--base PATH]
 *       merges shards built elsewhere (a CI matrix: each job builds one with
 *       EXPLAINER_SHARD=i/N node scripts/build-explainer.ts --content DIR --out shards/i).
 *
 * A shard's build writes no search index (search/integration.ts). The merge copies every shard's
 * files into one folder (a file two shards both wrote, such as Astro's assets and the search code,
 * must be the same in both), joins their sitemaps in the order
 * @astrojs/sitemap writes, indexes the whole site for search once (Pagefind's Node API builds an
 * index from pages, not from other indexes; its mergeIndex joins indexes in the reader's browser,
 * which would make every search load N), and runs the dist check on the whole. The merged site is
 * the same, file for file, as one build of the whole (tests/site/shards.test.ts). The result is
 * written beside --out and moved into place only once complete.
 */
const { values } = parseArgs({
  options: { content: { type: 'string' }, out: { type: 'string' }, shards: { type: 'string' }, merge: { type: 'string' }, base: { type: 'string', default: '/' } },
});
const fail = (message: string): never => {
  console.error(`build-shards: ${message}`);
  process.exit(1);
};
if (!values.content || !values.out || (values.shards === undefined) === (values.merge === undefined)) {
  fail('usage: --content DIR --out DIR (--shards N | --merge SHARD1,SHARD2,…) [--base PATH]');
}
const content = resolve(values.content!);
const out = resolve(values.out!);
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();

function buildShards(count: number): string[] {
  if (!Number.isInteger(count) || count < 1) fail(`--shards ${values.shards}: expected a whole number of shards, 1 or more`);
  return Array.from({ length: count }, (_, i) => {
    // Each with a project root of its own (scripts/build-explainer.ts), so shards may also build side by side.
    const shardOut = `${out}-shard-${i + 1}`;
    console.log(`build-shards: building shard ${i + 1} of ${count} into ${relative(process.cwd(), shardOut)}`);
    const build = spawnSync(resolve('node_modules/.bin/node'), ['scripts/build-explainer.ts', '--content', content, '--out', shardOut, '--base', base, '--root', `${shardOut}-root`], {
      env: { ...process.env, EXPLAINER_SHARD: `${i + 1}/${count}` },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) fail(`shard ${i + 1} of ${count} did not build (its errors are above)`);
    return shardOut;
  });
}

// @astrojs/sitemap: sitemap-index.xml names sitemap-0.xml, sitemap-1.xml, …, each of at most
// 45,000 addresses in the order of its sort; each shard wrote those of its own pages.
const SITEMAP_ENTRIES = 45_000;
const isSitemap = (file: string) => /^sitemap-(index|\d+)\.xml$/.test(file);
const byAddress = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function mergeSitemaps(shards: readonly string[], merged: string) {
  const parts = shards.flatMap((shard) =>
    filesOf(shard)
      .filter((file) => /^sitemap-\d+\.xml$/.test(file))
      .map((file) => readFileSync(join(shard, file), 'utf8')),
  );
  if (parts.length === 0) return;
  const head = parts[0].slice(0, parts[0].indexOf('<url>'));
  // A page of a route without parameters is listed by every shard (the sitemap lists those routes whether built or not).
  const entries = [...new Set(parts.flatMap((part) => part.match(/<url>[\s\S]*?<\/url>/g) ?? []))];
  const loc = (entry: string) => /<loc>([^<]*)<\/loc>/.exec(entry)![1];
  entries.sort((a, b) => byAddress(loc(a), loc(b)));
  const index = readFileSync(join(shards.find((shard) => existsSync(join(shard, 'sitemap-index.xml')))!, 'sitemap-index.xml'), 'utf8');
  const site = /<loc>([^<]*)sitemap-0\.xml<\/loc>/.exec(index)![1];
  const names: string[] = [];
  for (let i = 0; i * SITEMAP_ENTRIES < entries.length; i++) {
    names.push(`sitemap-${i}.xml`);
    writeFileSync(join(merged, `sitemap-${i}.xml`), `${head}${entries.slice(i * SITEMAP_ENTRIES, (i + 1) * SITEMAP_ENTRIES).join('')}</urlset>`);
  }
  const listed = names.map((name) => `<sitemap><loc>${site}${name}</loc></sitemap>`).join('');
  writeFileSync(join(merged, 'sitemap-index.xml'), index.replace(/(<sitemapindex[^>]*>)[\s\S]*(<\/sitemapindex>)/, `$1${listed}$2`));
}

async function merge(shards: readonly string[]) {
  const merged = `${out}.merging`;
  rmSync(merged, { recursive: true, force: true });
  const from = new Map<string, string>();
  for (const shard of shards) {
    if (!existsSync(shard)) fail(`${shard}: no such shard folder`);
    for (const file of filesOf(shard)) {
      if (isSitemap(file)) continue;
      const first = from.get(file);
      if (first !== undefined) {
        if (!readFileSync(join(first, file)).equals(readFileSync(join(shard, file)))) fail(`${file} differs between ${first} and ${shard}: the shards were not built from the same content and code`);
        continue;
      }
      from.set(file, shard);
      mkdirSync(dirname(join(merged, file)), { recursive: true });
      copyFileSync(join(shard, file), join(merged, file));
    }
  }
  mergeSitemaps(shards, merged);
  const started = performance.now();
  const pages = await writeSearchIndex(merged);
  console.log(`build-shards: indexed ${pages} pages of ${shards.length} shards in ${Math.round(performance.now() - started)} ms`);
  const problems = await checkBuiltSite(merged, readBuiltSite(content, base));
  if (problems.length > 0) fail(distReport(problems));
  rmSync(out, { recursive: true, force: true });
  renameSync(merged, out);
  console.log(`build-shards: ${relative(process.cwd(), out)} holds the whole site`);
}

await merge(values.merge ? values.merge.split(',').map((dir) => resolve(dir)) : buildShards(Number(values.shards)));
