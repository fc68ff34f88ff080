// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkCitations } from './src/citations/remark-citations.ts';
import { contentDirFromEnv } from './src/lib/content-dir.ts';
import { loadSiteConfig } from './src/lib/site-config.ts';

const contentDir = contentDirFromEnv();
// Each content folder gets its own cache, so that builds of test fixtures never reuse the real site's content store.
const cacheDir = `./node_modules/.astro/${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`;
const site = loadSiteConfig(contentDir);
// A sub-path deployment (a school server at /explainer/, say) sets EXPLAINER_BASE=/explainer.
const base = process.env.EXPLAINER_BASE ?? '/';

export default defineConfig({
  site: site.url,
  base,
  trailingSlash: 'always',
  cacheDir,
  outDir: process.env.EXPLAINER_OUT ?? './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [mdx()],
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark plugins; the citation engine needs one.
    processor: unified({ remarkPlugins: [[remarkCitations, { contentDir, base }]] }),
  },
});
