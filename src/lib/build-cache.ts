import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../lib/atomic-write.ts';

/**
 * Build output kept between builds under the name of a hash of everything it is made from: an
 * unchanged input is never made again, and a changed one can never be served a stale file (its
 * hash differs). Entries are written atomically, so builds running side by side share a folder
 * safely; an entry that cannot be read is simply made again. Used for preview images and "Cite
 * this page" formatting (src/cite/format.ts).
 */
export interface BuildCache {
  read(inputs: readonly string[]): Uint8Array | undefined;
  write(inputs: readonly string[], bytes: Uint8Array | string): void;
}

export const cacheKey = (inputs: readonly string[]) => createHash('sha256').update(JSON.stringify(inputs)).digest('hex');

export function buildCache(dir: string, extension: string): BuildCache {
  const path = (inputs: readonly string[]) => join(dir, `${cacheKey(inputs)}.${extension}`);
  return {
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
  };
}
