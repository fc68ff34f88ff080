import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContentError } from '../lib/content-error.ts';
import { readPlainFile } from '../lib/inside-folder.ts';
import { type ArchivedSource, parseArchiveFile } from './format.ts';

/** Reads every archive file in `dir` (content/sources), verifying each; keyed by source id. */
export function readArchive(dir: string, displayRoot = process.cwd()): Map<string, ArchivedSource> {
  const sources = new Map<string, ArchivedSource>();
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  for (const name of files) {
    const file = relative(displayRoot, join(dir, name));
    const source = parseArchiveFile(readPlainFile(join(dir, name), displayRoot).toString('utf8'), file);
    if (`${source.meta.id}.md` !== name) {
      throw new ContentError({
        file,
        line: 2,
        message: `the file name must be the source id: "${source.meta.id}.md"`,
      });
    }
    sources.set(source.meta.id, source);
  }
  return sources;
}
