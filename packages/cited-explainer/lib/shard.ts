import { createHash } from 'node:crypto';

/**
 * A build of one slice of the site (EXPLAINER_SHARD=<i>/<n>, i from 1): every page, data file and
 * "Cite this page" download goes to exactly one of n shards, by a hash of its path, so n builds
 * (on n machines of a CI matrix, each with the caches) write n disjoint parts of the site, which
 * scripts/build-shards.ts merges and indexes for search once. A shard's build leaves out what
 * needs the whole site: its search index and the dist check (the merge does both).
 */
export interface Shard {
  index: number;
  count: number;
}

/** The shard asked for in the environment, or undefined for a whole build; a malformed value stops the build. */
export function currentShard(value = process.env.EXPLAINER_SHARD): Shard | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`EXPLAINER_SHARD=${value}: expected <i>/<n> with 1 ≤ i ≤ n, such as 1/4`);
  return { index, count };
}

/** Whether a path of the site ("/sources/x/", "/cite/index.bib", with or without slashes at its ends) is this shard's. */
export function inShard(shard: Shard, path: string): boolean {
  const key = path.replace(/^\/+|\/+$/g, '');
  return createHash('sha256').update(key).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}
