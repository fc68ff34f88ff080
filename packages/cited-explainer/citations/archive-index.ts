import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readArchive } from '../archive/read.ts';
import { collectionDir, contentCollections, slugOfFile } from '../lib/content-layout.ts';
import { actorSchema } from '../schemas/actor.ts';
import { QuoteIndex } from './locate.ts';

/**
 * Per-process caches of what citations are resolved against, read from the content folder
 * directly: citations are resolved while pages compile, before Astro's collections are at hand.
 * Each cache is checked against its folder's files at most twice a second, so a source edited
 * under `astro dev` is read again, while a build of thousands of pages stats the folder only a
 * few times.
 */
function folderCache<T>(load: (folder: string) => T): (folder: string) => T {
  const cache = new Map<string, { value: T; stamp: string; checked: number }>();
  const stampOf = (folder: string) =>
    existsSync(folder)
      ? readdirSync(folder)
          .sort()
          .map((name) => `${name}:${statSync(join(folder, name)).mtimeMs}`)
          .join('|')
      : '';
  return (folder) => {
    const now = Date.now();
    const cached = cache.get(folder);
    if (cached && now - cached.checked < recheckMs) return cached.value;
    const stamp = stampOf(folder);
    if (cached && cached.stamp === stamp) {
      cached.checked = now;
      return cached.value;
    }
    const value = load(folder);
    cache.set(folder, { value, stamp, checked: now });
    return value;
  };
}

const recheckMs = 500;

const quoteIndex = folderCache((sources) => new QuoteIndex(readArchive(sources).values()));

/** The quote index of a content folder's archive, shared by all pages. */
export const loadQuoteIndex = (contentDir: string): QuoteIndex => quoteIndex(collectionDir(contentDir, 'sources'));

const speakerNames = folderCache(
  (folder) =>
    new Map(
      (existsSync(folder) ? readdirSync(folder).filter((f) => contentCollections.actors.extensions.test(f)) : []).flatMap((f) => {
        const name = actorSchema.shape.name.safeParse((parse(readFileSync(join(folder, f), 'utf8')) as { name?: unknown } | null)?.name);
        return name.success ? [[slugOfFile(f), name.data] as const] : [];
      }),
    ),
);

/**
 * Actors' names by slug (content/actors/<slug>.yaml, .yml or .json), to show who speaks in a cited passage, read
 * by the actor schema's own rule for a name (trimmed, curled). The collection's schema checks these
 * files; a name missing or broken here falls back to the slug.
 */
export const loadSpeakerNames = (contentDir: string): Map<string, string> => speakerNames(collectionDir(contentDir, 'actors'));
