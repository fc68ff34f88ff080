import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { archiveLoader } from './archive/loader.ts';
import { contentDirFromEnv } from './lib/content-dir.ts';
import { pageSchema } from './schemas/page.ts';
import { sourceMetaSchema } from './schemas/source.ts';

const contentDir = contentDirFromEnv();

export const collections = {
  pages: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: join(contentDir, 'pages') }), schema: pageSchema }),
  sources: defineCollection({ loader: archiveLoader(join(contentDir, 'sources')), schema: sourceMetaSchema }),
};
