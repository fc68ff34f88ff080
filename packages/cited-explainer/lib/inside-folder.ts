import { type Dirent, lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { ContentError } from './content-error.ts';

/**
 * No path leaves the project: the site is built only from files inside its folders. A symbolic link
 * (to a Markdown file elsewhere, to a system file) or a special file (a FIFO would hang the build)
 * is refused, naming it, before anything reads it: the link is never followed, so nothing of what
 * it points to reaches a page or an error message.
 */

const kindOf = (entry: Dirent | Stats) => (entry.isFIFO() ? 'a FIFO' : entry.isSocket() ? 'a socket' : entry.isBlockDevice() || entry.isCharacterDevice() ? 'a device' : 'not a regular file');

function refuse(path: string, entry: Dirent | Stats, displayRoot: string): never {
  const file = relative(displayRoot, path) || path;
  if (entry.isSymbolicLink()) {
    throw new ContentError({
      file,
      message: `is a symbolic link (to ${readlinkSync(path)}): the site is built only from files inside its folders, never through a link`,
      hint: 'Replace the link with a copy of the file (or folder) it points to, or remove it.',
    });
  }
  throw new ContentError({ file, message: `is ${kindOf(entry)}: the site is built only from plain files and folders`, hint: 'Remove it.' });
}

/** Refuses a symbolic link or special file anywhere in `folder` (the folder itself included); a missing folder is the caller's to report. */
export function assertPlainFolder(folder: string, displayRoot = process.cwd()): void {
  const self = lstatSync(folder, { throwIfNoEntry: false });
  if (!self) return;
  if (!self.isDirectory()) refuse(folder, self, displayRoot);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) assertPlainFolder(path, displayRoot);
    else if (!entry.isFile()) refuse(path, entry, displayRoot);
  }
}

/** A file's bytes, refusing a link or special file first (for files read again after the build's first scan, as under astro dev). */
export function readPlainFile(path: string, displayRoot = process.cwd()): Buffer {
  const stats = lstatSync(path);
  if (!stats.isFile()) refuse(path, stats, displayRoot);
  return readFileSync(path);
}
