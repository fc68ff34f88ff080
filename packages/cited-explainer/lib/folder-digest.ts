import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file of a folder, recursively, as paths relative to it ("/"-separated), in a stable order; no node_modules. */
function filesOf(dir: string, under = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => (entry.isDirectory() ? filesOf(join(dir, entry.name), under) : entry.isFile() ? [relative(under, join(dir, entry.name)).split(sep).join('/')] : []))
    .sort();
}

/** A file's bytes, or nothing if it went between listing and reading (`npm pack` compiles and removes files beside the sources). */
function bytesIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A file's digest (sha256, hex), or undefined when there is no such file. */
export function fileDigest(path: string): string | undefined {
  const bytes = bytesIfPresent(path);
  return bytes && createHash('sha256').update(bytes).digest('hex');
}

/** A digest of a folder's files: their names and their bytes; `skip` leaves files out by their relative path. */
export function folderDigest(dir: string, skip: (file: string) => boolean = () => false): string {
  const hash = createHash('sha256');
  for (const file of filesOf(dir)) {
    if (skip(file)) continue;
    const bytes = bytesIfPresent(join(dir, file));
    if (bytes) hash.update(`${file}\0`).update(bytes).update('\0');
  }
  return hash.digest('hex');
}
