import { describe, expect, it } from 'vitest';
import { currentShard, inShard } from '../../packages/cited-explainer/lib/shard.ts';

describe('currentShard', () => {
  it('reads <i>/<n> from EXPLAINER_SHARD, and nothing for a whole build', () => {
    expect(currentShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(currentShard(undefined)).toBeUndefined();
    expect(currentShard('')).toBeUndefined();
  });
  it('refuses a malformed or out-of-range shard with one line saying what is expected', () => {
    for (const value of ['0/2', '3/2', '1/0', 'two', '1-2']) expect(() => currentShard(value)).toThrow(`EXPLAINER_SHARD=${value}: expected <i>/<n> with 1 ≤ i ≤ n, such as 1/4`);
  });
});

describe('inShard', () => {
  const paths = Array.from({ length: 200 }, (_, i) => `/sources/source-${i}/`);
  it('puts every path in exactly one of n shards', () => {
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, i) => ({ index: i + 1, count }));
      for (const path of paths) expect(shards.filter((shard) => inShard(shard, path))).toHaveLength(1);
    }
  });
  it('spreads the paths over the shards', () => {
    const first = paths.filter((path) => inShard({ index: 1, count: 2 }, path)).length;
    expect(first).toBeGreaterThan(60);
    expect(first).toBeLessThan(140);
  });
  it('gives a page and its path without slashes the same shard (Astro routes "/x/", the downloads "x")', () => {
    const shard = { index: 1, count: 2 };
    for (const path of paths) expect(inShard(shard, path)).toBe(inShard(shard, path.replace(/^\/|\/$/g, '')));
  });
});
