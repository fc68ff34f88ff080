import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readArchive } from '../archive/read.ts';
import { QuoteIndex } from './locate.ts';

const indexes = new Map<string, QuoteIndex>();

/** The quote index of a content folder's archive, built once per process and shared by all pages. */
export function loadQuoteIndex(contentDir: string): QuoteIndex {
  let index = indexes.get(contentDir);
  if (!index) {
    index = new QuoteIndex(readArchive(join(contentDir, 'sources')).values());
    indexes.set(contentDir, index);
  }
  return index;
}

const speakerNames = new Map<string, Map<string, string>>();

/**
 * Actors' names by slug (content/actors/<slug>.yaml), to show who speaks in a cited passage. Read
 * directly rather than through the content collection: citations are resolved while pages compile.
 * The collection's schema checks these files; a name that is missing here falls back to the slug.
 */
export function loadSpeakerNames(contentDir: string): Map<string, string> {
  let names = speakerNames.get(contentDir);
  if (!names) {
    const folder = join(contentDir, 'actors');
    const files = existsSync(folder) ? readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)) : [];
    names = new Map(
      files.flatMap((f) => {
        const name = (parse(readFileSync(join(folder, f), 'utf8')) as { name?: unknown } | null)?.name;
        return typeof name === 'string' ? [[f.replace(/\.ya?ml$/, ''), name] as const] : [];
      }),
    );
    speakerNames.set(contentDir, names);
  }
  return names;
}
