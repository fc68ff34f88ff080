import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Writes a file so that readers see the old content or the new, never half of it. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeChunksAtomic(path, [content]);
}

/**
 * Writes a file from its pieces, one at a time, atomically as writeFileAtomic: a file of many
 * records is never held whole in memory (the dist check's page scans are over 100 MB at 5,000 pages).
 */
export function writeChunksAtomic(path: string, chunks: Iterable<string | Uint8Array>): void {
  mkdirSync(dirname(path), { recursive: true });
  // The thread too: the build's worker thread and its main thread may write the same cache entry.
  const temporary = `${path}.${process.pid}.${threadId}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      // writeFileSync on a descriptor writes all of a chunk (writeSync may write part of it).
      for (const chunk of chunks) writeFileSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
