import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The content folder's layout, in one place: the folders and file names the collections, the
 * ingest, the archive check, the dist check and the loaders of the single files read. Each
 * collection's file pattern (for Astro's glob loader) and the same set as a test on a file name.
 */
export const contentCollections = {
  /** The explainer's pages, nested folders allowed: pages/<path>.md or .mdx. */
  pages: { folder: 'pages', pattern: '**/*.{md,mdx}', extensions: /\.mdx?$/ },
  /** The archive, written by ingest: sources/<id>.md. */
  sources: { folder: 'sources', pattern: '*.md', extensions: /\.md$/ },
  incidents: { folder: 'incidents', pattern: '*.{md,mdx}', extensions: /\.mdx?$/ },
  actors: { folder: 'actors', pattern: '*.{yaml,yml,json}', extensions: /\.(?:ya?ml|json)$/ },
  glossary: { folder: 'glossary', pattern: '*.{yaml,yml,json}', extensions: /\.(?:ya?ml|json)$/ },
} as const;

export type ContentCollection = keyof typeof contentCollections;

/** The raw articles ingest starts from, and their provenance records: raw/<file>, raw/provenance.json. */
export const RAW_FOLDER = 'raw';
export const PROVENANCE_FILE = 'provenance.json';
/** Where a running ingest stages its files; left behind, an ingest was interrupted. */
export const STAGING_FOLDER = '.ingest-staging';
/** The lock a running ingest holds on the content folder (its process id inside). */
export const INGEST_LOCK_FILE = '.ingest-lock';
/** The site's configuration (title, language, navigation…). */
export const SITE_FILE = 'site.json';
/** The content folder's own wording of the generator's strings, laid over its language's locale file. */
export const STRINGS_FILE = 'strings.json';
/** The optional coordinates file: without it the site has no maps. */
export const MAPS_FILE = 'maps.yaml';

/** A collection's folder in a content folder. */
export const collectionDir = (contentDir: string, collection: ContentCollection) => join(contentDir, contentCollections[collection].folder);

/**
 * A collection's files in a content folder, by their paths relative to its folder (none if the folder
 * does not exist), as its pattern finds them: pages in nested folders, the others directly inside.
 */
export function collectionFiles(contentDir: string, collection: ContentCollection): string[] {
  const dir = collectionDir(contentDir, collection);
  const { pattern, extensions } = contentCollections[collection];
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: pattern.startsWith('**/') })
    .map(String)
    .filter((name) => extensions.test(name));
}

/** A data file's slug: its name without the extension, as written (the id the collection gives it). */
export const slugOfFile = (name: string) => name.replace(/\.[^.]+$/, '');

/** An archived source's file, relative to the content folder. */
export const sourceFile = (id: string) => join(contentCollections.sources.folder, `${id}.md`);
