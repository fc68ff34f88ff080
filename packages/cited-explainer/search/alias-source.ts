import { entriesOf } from '../lib/collection-entries.ts';
import { siteConfig } from '../lib/site.ts';
import { getSourceMeta } from '../lib/site-data.ts';
import { sourcePath, withBase } from '../lib/url.ts';
import type { AliasEntry } from './alias-map.ts';

/**
 * The alias entries of the explainer, read from the content collections at build time: every
 * glossary entry and actor with its `name` and `altNames`. The canonical addresses are the
 * content model's: /glossary/#<slug> for a glossary entry, /actors/<slug>/ for an actor. Each item
 * of the site's navigation is an entry too, so that a section's name ("Glossary") finds the section
 * first, above pages that only mention it.
 */

const sources: Array<{ collection: 'glossary' | 'actors'; path: (slug: string) => string }> = [
  { collection: 'glossary', path: (slug) => `/glossary/#${slug}` },
  { collection: 'actors', path: (slug) => `/actors/${slug}/` },
];

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
    const sections = siteConfig.nav.map(({ label, href }) => ({ name: label, altNames: [], url: withBase(base, href) }));
    return [...lists.flat(), ...sections].sort((a, b) => a.url.localeCompare(b.url));
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

/** "http://www.jordantimes.com/news/…" → "jordantimes": the name a site is known by in its address. */
const siteName = (url: string) => /^https?:\/\/(?:www\.)?([^/]+)/i.exec(url)?.[1].split('.').slice(0, -1).join(' ');

/**
 * The publications of the archive's sources and their source texts: each source's publisher; for
 * a copy, the publication it names first as the one it was carried in or copied from (the text
 * before the first comma of `republishedFrom`, "AFP, 2021-11-16, …" → "AFP"); and the sites of the
 * addresses it gives, by their name ("jordantimes", which the search matches to "Jordan Times").
 */
export async function publications(base: string): Promise<Array<{ name: string; urls: string[] }>> {
  const byName = new Map<string, string[]>();
  for (const [id, source] of await getSourceMeta()) {
    const url = withBase(base, sourcePath(id));
    const carriedBy = source.republishedFrom?.split(/[,.(]/)[0].trim();
    const addresses = [source.url, ...(source.republishedFrom?.match(/https?:\/\/[^\s)'"]+/g) ?? [])].flatMap((address) => (address && siteName(address)) || []);
    for (const name of new Set([source.publisher, ...(carriedBy ? [carriedBy] : []), ...addresses])) byName.set(name, [...(byName.get(name) ?? []), url]);
  }
  return [...byName].map(([name, urls]) => ({ name, urls })).sort((a, b) => a.name.localeCompare(b.name));
}
