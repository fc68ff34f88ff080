import { type CollectionEntry, getCollection } from 'astro:content';
import { contentDir } from 'virtual:cited-explainer/config';
import { type ContentCollection, collectionFiles } from './content-layout.ts';

/**
 * Astro glue: a collection's entries, and none, quietly, when the content folder has no file for it.
 * A site without incidents, actors or a glossary is a whole site, but Astro's getCollection() logs
 * "does not exist or is empty. Please check your content config file for errors" each time it is
 * asked for one: six times a build, each sending a new author to a config that is right.
 */
export async function entriesOf<C extends ContentCollection>(collection: C): Promise<CollectionEntry<C>[]> {
  return collectionFiles(contentDir, collection).length > 0 ? getCollection(collection) : [];
}
