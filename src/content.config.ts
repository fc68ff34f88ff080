import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { archiveLoader } from './archive/loader.ts';
import { contentDirFromEnv } from './lib/content-dir.ts';
import { actorSchema } from './schemas/actor.ts';
import { glossarySchema } from './schemas/glossary.ts';
import { incidentSchema } from './schemas/incident.ts';
import { pageSchema } from './schemas/page.ts';
import { sourceMetaSchema } from './schemas/source.ts';

const contentDir = contentDirFromEnv();
// Data files are named by their slug, which is the id: keep it as written (glob would lower-case and re-slug it).
const bySlug = ({ entry }: { entry: string }) => entry.replace(/\.[^.]+$/, '');

export const collections = {
  pages: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: join(contentDir, 'pages') }), schema: pageSchema }),
  sources: defineCollection({ loader: archiveLoader(join(contentDir, 'sources')), schema: sourceMetaSchema }),
  incidents: defineCollection({ loader: glob({ pattern: '*.mdx', base: join(contentDir, 'incidents'), generateId: bySlug }), schema: incidentSchema }),
  actors: defineCollection({ loader: glob({ pattern: '*.{yaml,yml,json}', base: join(contentDir, 'actors'), generateId: bySlug }), schema: actorSchema }),
  glossary: defineCollection({ loader: glob({ pattern: '*.{yaml,yml,json}', base: join(contentDir, 'glossary'), generateId: bySlug }), schema: glossarySchema }),
};
