import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { contentDir } from 'virtual:cited-explainer/config';
import { glob } from 'astro/loaders';
import type { z } from 'zod';
import { archiveLoader } from '../archive/loader.ts';
import { failingOnLoggedErrors, withDataLines } from '../lib/located-loader.ts';
import { actorSchema } from '../schemas/actor.ts';
import { glossarySchema } from '../schemas/glossary.ts';
import { incidentSchema } from '../schemas/incident.ts';
import { pageSchema } from '../schemas/page.ts';
import { sourceMetaSchema } from '../schemas/source.ts';

// Data files are named by their slug, which is the id: keep it as written (glob would lower-case and re-slug it).
const bySlug = ({ entry }: { entry: string }) => entry.replace(/\.[^.]+$/, '');

/** A collection of files whose data is checked, as written, against its schema, with the line of a bad field. */
function files<S extends z.ZodType>(pattern: string, folder: string, schema: S, generateId?: typeof bySlug) {
  return defineCollection({ loader: withDataLines(failingOnLoggedErrors(glob({ pattern, base: join(contentDir, folder), generateId })), schema), schema });
}

/**
 * The explainer's content collections, read from the content folder the integration was given.
 * A project using the integration re-exports them from its src/content.config.ts.
 */
export const collections = {
  pages: files('**/*.{md,mdx}', 'pages', pageSchema),
  sources: defineCollection({ loader: archiveLoader(join(contentDir, 'sources')), schema: sourceMetaSchema }),
  incidents: files('*.mdx', 'incidents', incidentSchema, bySlug),
  actors: files('*.{yaml,yml,json}', 'actors', actorSchema, bySlug),
  glossary: files('*.{yaml,yml,json}', 'glossary', glossarySchema, bySlug),
};
