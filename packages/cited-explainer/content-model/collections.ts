import { defineCollection } from 'astro:content';
import { contentDir } from 'virtual:cited-explainer/config';
import { glob } from 'astro/loaders';
import type { z } from 'zod';
import { archiveLoader } from '../archive/loader.ts';
import { collectionDir, contentCollections, slugOfFile } from '../lib/content-layout.ts';
import { failingOnLoggedErrors, withDataLines } from '../lib/located-loader.ts';
import { actorSchema } from '../schemas/actor.ts';
import { glossarySchema } from '../schemas/glossary.ts';
import { incidentSchema } from '../schemas/incident.ts';
import { pageSchema } from '../schemas/page.ts';
import { sourceMetaSchema } from '../schemas/source.ts';

// Data files are named by their slug, which is the id: keep it as written (glob would lower-case and re-slug it).
const bySlug = ({ entry }: { entry: string }) => slugOfFile(entry);

/** A collection of files whose data is checked, as written, against its schema, with the line of a bad field. */
function files<S extends z.ZodType>(collection: 'pages' | 'incidents' | 'actors' | 'glossary', schema: S, generateId?: typeof bySlug) {
  const { pattern } = contentCollections[collection];
  return defineCollection({ loader: withDataLines(failingOnLoggedErrors(glob({ pattern, base: collectionDir(contentDir, collection), generateId })), schema), schema });
}

/**
 * The explainer's content collections, read from the content folder the integration was given.
 * A project using the integration re-exports them from its src/content.config.ts.
 */
export const collections = {
  pages: files('pages', pageSchema),
  sources: defineCollection({ loader: archiveLoader(collectionDir(contentDir, 'sources')), schema: sourceMetaSchema }),
  incidents: files('incidents', incidentSchema, bySlug),
  actors: files('actors', actorSchema, bySlug),
  glossary: files('glossary', glossarySchema, bySlug),
};
