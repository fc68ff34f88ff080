import { defineCollection } from 'astro:content';
import { contentDir, pageHtmlDir } from 'virtual:cited-explainer/config';
import { glob } from 'astro/loaders';
import type { z } from 'zod';
import { archiveLoader } from '../archive/loader.ts';
import { collectionDir, contentCollections, slugOfFile } from '../lib/content-layout.ts';
import { failingOnLoggedErrors, optionalFolder, withDataLines } from '../lib/located-loader.ts';
import { pageHtmlFolder } from '../lib/page-html.ts';
import { actorSchema } from '../schemas/actor.ts';
import { glossarySchema } from '../schemas/glossary.ts';
import { incidentSchema } from '../schemas/incident.ts';
import { pageSchema } from '../schemas/page.ts';
import { sourceMetaSchema } from '../schemas/source.ts';

// Data files are named by their slug, which is the id: keep it as written (glob would lower-case and re-slug it).
const bySlug = ({ entry }: { entry: string }) => slugOfFile(entry);

const { keepingHtmlApart } = pageHtmlFolder(pageHtmlDir);

/**
 * A collection of files whose data is checked, as written, against its schema, with the line of a
 * bad field. The store keeps no page's text (the content model reads each file for its line
 * numbers) nor its HTML (lib/page-html.ts).
 */
function files<S extends z.ZodType>(collection: 'pages' | 'incidents' | 'actors' | 'glossary', schema: S, generateId?: typeof bySlug) {
  const { pattern } = contentCollections[collection];
  const base = collectionDir(contentDir, collection);
  const found = glob({ pattern, base, generateId, retainBody: false });
  // A site needs its pages; it may have no incidents, actors or glossary.
  const loader = collection === 'pages' ? found : optionalFolder(found, base);
  return defineCollection({ loader: keepingHtmlApart(withDataLines(failingOnLoggedErrors(loader), schema)), schema });
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
