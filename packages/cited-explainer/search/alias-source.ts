import { getCollection } from 'astro:content';
import { withBase } from '../lib/url.ts';
import type { AliasEntry } from './alias-map.ts';

/**
 * The alias entries of the explainer, read from the content collections at build time: every
 * glossary entry and actor with its `name` and `altNames`. The canonical addresses are the
 * content model's: /glossary/#<slug> for a glossary entry, /actors/<slug>/ for an actor.
 * A collection that does not exist (yet) gives no entries.
 */

type Named = { id: string; data: { name: string; altNames?: string[] } };

const sources: Array<{ collection: string; path: (slug: string) => string }> = [
  { collection: 'glossary', path: (slug) => `/glossary/#${slug}` },
  { collection: 'actors', path: (slug) => `/actors/${slug}/` },
];

async function entriesOf(collection: string): Promise<Named[]> {
  try {
    // The collection name is a string the content config may not define yet.
    return (await getCollection(collection as never)) as unknown as Named[];
  } catch {
    return [];
  }
}

let cached: Promise<AliasEntry[]> | undefined;

export function aliasEntries(base: string): Promise<AliasEntry[]> {
  cached ??= (async () => {
    const lists = await Promise.all(
      sources.map(async ({ collection, path }) =>
        (await entriesOf(collection)).map((entry) => ({
          name: entry.data.name,
          altNames: [...new Set(entry.data.altNames ?? [])].filter((alt) => alt !== entry.data.name),
          url: withBase(base, path(entry.id)),
        })),
      ),
    );
    return lists.flat().sort((a, b) => a.url.localeCompare(b.url));
  })();
  return cached;
}

/** The alternate names that belong to the page at `pathname` (its canonical entries'), for its metadata. */
export async function aliasesForPage(pathname: string, base: string): Promise<string[]> {
  const entries = await aliasEntries(base);
  const page = pathname.replace(/#.*$/, '');
  const names = entries.filter((entry) => entry.url.replace(/#.*$/, '') === page).flatMap((entry) => entry.altNames);
  return [...new Set(names)];
}
