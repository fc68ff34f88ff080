import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcessEnv, freshOutDir } from '../helpers/build-site.ts';
import { builtSite } from '../helpers/site.ts';

/**
 * A site built in two shards and merged (scripts/build-shards.ts, integration/shard.ts) is the
 * same site as one build of the whole: the same files with the same bytes, the same ledger, and
 * one search index that finds the pages of both shards. On the small fixture, to stay cheap; the
 * build of the whole is the one the site tests share.
 */
const single = builtSite('fixtureSite');

const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();

/** The addresses in a Pagefind index: each fragment is gzip of "pagefind_dcd" and the page's record as JSON. */
const indexedUrls = (site: string) =>
  filesOf(join(site, 'pagefind/fragment'))
    .map(
      (file) =>
        JSON.parse(
          gunzipSync(readFileSync(join(site, 'pagefind/fragment', file)))
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ) as { url: string },
    )
    .map(({ url }) => url)
    .sort();

/** The pages a shard rendered, as the search index names them. */
const pageUrls = (site: string) =>
  filesOf(site)
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);

let merged: string;
let shards: string[];

beforeAll(() => {
  merged = freshOutDir('shards-');
  const run = spawnSync(resolve('node_modules/.bin/node'), ['scripts/build-shards.ts', '--content', single.contentDir, '--out', merged, '--shards', '2'], {
    encoding: 'utf8',
    env: buildProcessEnv(),
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  shards = [`${merged}-shard-1`, `${merged}-shard-2`];
}, 300_000);

afterAll(() => {
  // The shared build of the whole stays: the global setup removes it.
  for (const dir of [merged, ...shards].filter(Boolean)) for (const folder of [dir, `${dir}-root`]) rmSync(folder, { recursive: true, force: true });
}, 60_000);

describe('a site built in two shards and merged', () => {
  it('has each shard build a part of the pages, and neither all of them', () => {
    const [first, second] = shards.map(pageUrls);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(first.filter((url) => second.includes(url))).toEqual([]);
    expect([...first, ...second].sort()).toEqual(pageUrls(single.outDir).sort());
  });

  it('holds the same files as one build of the whole, byte for byte', () => {
    expect(filesOf(merged)).toEqual(filesOf(single.outDir));
    const differing = filesOf(single.outDir).filter((file) => !readFileSync(join(merged, file)).equals(readFileSync(join(single.outDir, file))));
    expect(differing).toEqual([]);
  });

  it('publishes the same ledger', () => {
    expect(readFileSync(join(merged, 'citations.json'), 'utf8')).toBe(readFileSync(join(single.outDir, 'citations.json'), 'utf8'));
  });

  it('has one search index that finds the pages of both shards', () => {
    const indexed = indexedUrls(merged);
    for (const shard of shards) {
      const searchable = pageUrls(shard).filter((url) => indexedUrls(single.outDir).includes(url));
      expect(searchable.length, `${shard} has no page in the search index`).toBeGreaterThan(0);
      for (const url of searchable) expect(indexed).toContain(url);
    }
  });
});
