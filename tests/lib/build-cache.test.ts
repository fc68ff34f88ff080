import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCache, cacheKey, packageVersion } from '../../packages/cited-explainer/lib/build-cache.ts';

describe('buildCache', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
    dirs.push(dir);
    return { dir, cache: buildCache(dir, 'png') };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('gives back what was written for the same inputs, from a file named by their hash', () => {
    const { dir, cache } = fresh();
    expect(cache.read(['svg A'])).toBeUndefined();
    cache.write(['svg A'], Uint8Array.from([1, 2, 3]));
    expect([...cache.read(['svg A'])!]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual([`${cacheKey(['svg A'])}.png`]);
  });

  it('a changed input finds nothing: it is never served the old entry', () => {
    const { cache } = fresh();
    cache.write(['svg A'], 'old');
    expect(cache.read(['svg B'])).toBeUndefined();
    expect(cache.read(['svg A', 'more'])).toBeUndefined();
  });

  it('keys keep the inputs apart (no two lists join to the same text)', () => {
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']));
  });

  it('reads nothing from a folder that does not exist, and creates it on writing', () => {
    const { dir } = fresh();
    const cache = buildCache(join(dir, 'not', 'yet'), 'json');
    expect(cache.read(['x'])).toBeUndefined();
    cache.write(['x'], '{}');
    expect(Buffer.from(cache.read(['x'])!).toString()).toBe('{}');
  });

  it('has() says whether an entry was written, without reading it', () => {
    const { cache } = fresh();
    expect(cache.has(['a'])).toBe(false);
    cache.write(['a'], 'x');
    expect(cache.has(['a'])).toBe(true);
  });

  it('prune() removes the entries not kept, and leaves other files (another build’s write in progress) alone', () => {
    const { dir, cache } = fresh();
    cache.write(['a'], 'x');
    cache.write(['b'], 'y');
    writeFileSync(join(dir, `${cacheKey(['c'])}.png.123.0.tmp`), '');
    cache.prune([['b']]);
    expect(cache.has(['a'])).toBe(false);
    expect(cache.has(['b'])).toBe(true);
    expect(readdirSync(dir)).toHaveLength(2);
    buildCache(join(dir, 'never-made'), 'png').prune([]);
  });

  it('leaves no temporary file behind', () => {
    const { dir, cache } = fresh();
    writeFileSync(join(dir, 'unrelated.txt'), '');
    cache.write(['a'], 'x');
    expect(readdirSync(dir).sort()).toEqual([`${cacheKey(['a'])}.png`, 'unrelated.txt'].sort());
  });
});

describe('packageVersion', () => {
  it('reads the installed version, whether or not the package exports its package.json', () => {
    const installed = (name: string) => (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    // sharp exports ./package.json; parse5 does not.
    expect(packageVersion('sharp')).toBe(`sharp ${installed('sharp')}`);
    expect(packageVersion('parse5')).toBe(`parse5 ${installed('parse5')}`);
  });
});
