import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * Build output kept between builds under the name of a hash of everything it is made from: an
 * unchanged input is never made again, and a changed one can never be served a stale file (its
 * hash differs). Entries are written atomically, so builds running side by side share a folder
 * safely; an entry that cannot be read is simply made again. Used for preview images and "Cite
 * this page" formatting (cite/format.ts).
 */
/**
 * Where "Cite this page" formatting is kept between production builds (cite/format.ts): the
 * integration gives Vite the folder, in Astro's cache folder (config.cacheDir, resolved against
 * the project root, not the working folder), under this name.
 */
export const CITE_FORMATTING_CACHE_ENV = 'import.meta.env.CITED_EXPLAINER_CITE_CACHE';
export const CITE_FORMATTING_CACHE = 'cite-formatting';

export interface BuildCache {
  has(inputs: readonly string[]): boolean;
  read(inputs: readonly string[]): Uint8Array | undefined;
  write(inputs: readonly string[], bytes: Uint8Array | string): void;
  /** Removes every entry but those made from `kept` (a folder that would otherwise only grow). */
  prune(kept: ReadonlyArray<readonly string[]>): void;
}

export const cacheKey = (inputs: readonly string[]) => createHash('sha256').update(JSON.stringify(inputs)).digest('hex');

/**
 * "sharp 0.35.5": a package's name and installed version, as an input of what it makes. Read from
 * the package.json above the package's entry, which a package need not export (parse5 does not).
 */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return `${name} ${(require(`${name}/package.json`) as { version: string }).version}`;
  } catch {
    // Not exported: found from the package's entry below.
  }
  for (let dir = dirname(require.resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    const found = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string }) : undefined;
    if (found?.name === name) return `${name} ${found.version}`;
  }
  throw new Error(`no package.json of ${name} above its entry`);
}

/**
 * `madeWith`: what every entry is made with besides its own inputs (code, styles, package
 * versions): hashed once, not again for every entry.
 */
export function buildCache(dir: string, extension: string, madeWith: readonly string[] = []): BuildCache {
  const salt = madeWith.length > 0 ? [cacheKey(madeWith)] : [];
  const name = (inputs: readonly string[]) => `${cacheKey([...salt, ...inputs])}.${extension}`;
  const path = (inputs: readonly string[]) => join(dir, name(inputs));
  return {
    has: (inputs) => existsSync(path(inputs)),
    read(inputs) {
      try {
        return readFileSync(path(inputs));
      } catch {
        return undefined;
      }
    },
    write(inputs, bytes) {
      writeFileAtomic(path(inputs), bytes);
    },
    prune(kept) {
      if (!existsSync(dir)) return;
      const keep = new Set(kept.map(name));
      // Only finished entries: a temporary file may be another build's write in progress.
      for (const file of readdirSync(dir)) if (file.endsWith(`.${extension}`) && !keep.has(file)) rmSync(join(dir, file), { force: true });
    },
  };
}
