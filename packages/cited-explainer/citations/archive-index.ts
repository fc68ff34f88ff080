import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readArchive } from '../archive/read.ts';
import type { Locale } from '../i18n/locale.ts';
import { collectionDir, contentCollections, slugOfFile } from '../lib/content-layout.ts';
import { actorSchema } from '../schemas/actor.ts';
import { QuoteIndex } from './locate.ts';
import { ruleWords } from './rule-words.ts';
import type { RuleContext } from './rules.ts';

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

/** A data collection's files in a folder (YAML or JSON, both read by the YAML parser). */
const dataFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => contentCollections.actors.extensions.test(f)) : []);

const speakerNames = folderCache(
  (folder) =>
    new Map(
      dataFiles(folder).flatMap((f) => {
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

/** Each glossary entry's and actor's name with its other spellings (content/glossary, content/actors). */
const alternateNames = folderCache((folder) =>
  dataFiles(folder).flatMap((f) => {
    const data = parse(readFileSync(join(folder, f), 'utf8')) as { name?: unknown; altNames?: unknown } | null;
    const names = [data?.name, ...(Array.isArray(data?.altNames) ? data.altNames : [])].filter((name): name is string => typeof name === 'string');
    return names.length > 1 ? [names] : [];
  }),
);

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];

/**
 * What the faithfulness rules know besides the passages, for a content folder and the site's
 * language: the language's rule words, the spellings the glossary and actors list, and the site's
 * own names for publishers and kinds of source.
 */
export function loadRuleContext(contentDir: string, locale: Locale, index: QuoteIndex): RuleContext {
  // A copy's original publisher is named first in its record ("AFP, 2021-11-16, …").
  const publishers = index.ids.flatMap((id) => {
    const { publisher, republishedFrom } = index.source(id)!.meta;
    return [publisher, republishedFrom?.split(/[,.(]/)[0] ?? ''];
  });
  const sourceTypes = Object.values(locale.strings.sourceTypes).flatMap((words) => Object.values(words));
  return {
    words: ruleWords(locale.lang),
    known: new Set([...publishers, ...sourceTypes].flatMap(wordsOf)),
    alternates: [...alternateNames(collectionDir(contentDir, 'glossary')), ...alternateNames(collectionDir(contentDir, 'actors'))],
  };
}
