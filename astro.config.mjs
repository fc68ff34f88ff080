// @ts-check
import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import search from './src/search/integration.ts';
import securityHeaders, { buildChecks } from './src/security/integration.ts';
import previewImages from './src/preview/integration.ts';
import { unified } from '@astrojs/markdown-remark';
import { remarkCitations } from './src/citations/remark-citations.ts';
import { remarkSmartQuotes } from './src/typography/remark-smart-quotes.ts';
import { contentDirFromEnv } from './src/lib/content-dir.ts';
import { loadSiteConfig } from './src/lib/site-config.ts';

const contentDir = contentDirFromEnv();
const outDir = process.env.EXPLAINER_OUT ?? './dist';
// Astro's prerender step imports packages from inside the output folder, which resolve only
// with the project's node_modules above it: fail now rather than with "Cannot find package".
if (relative(process.cwd(), resolve(outDir)).startsWith('..')) {
  throw new Error(`EXPLAINER_OUT=${outDir}: the output folder must be inside the project (for example .builds/name)`);
}
// Each content folder and output gets its own cache: fixture builds never reuse the real site's
// content store. (Builds of different content folders must still run one at a time: Astro writes
// its generated content modules into the project's one .astro/ folder.)
const cacheDir = `./node_modules/.astro/${createHash('sha256').update(`${contentDir}\0${outDir}`).digest('hex').slice(0, 12)}`;
const site = loadSiteConfig(contentDir);
// A sub-path deployment (a school server at /explainer/, say) sets EXPLAINER_BASE=/explainer.
const base = process.env.EXPLAINER_BASE ?? '/';

export default defineConfig({
  site: site.url,
  base,
  trailingSlash: 'always',
  cacheDir,
  outDir,
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // A sitemap needs the published address (site.json "url"): without one there is none. The build's
  // own checks come last, so that the dist check sees everything the others wrote.
  integrations: [mdx(), search(), securityHeaders(), previewImages(), ...(site.url ? [sitemap({ filter: (page) => !page.endsWith('/search/') })] : []), buildChecks(contentDir)],
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark plugins; the citation engine needs one.
    processor: unified({ remarkPlugins: [remarkSmartQuotes, [remarkCitations, { contentDir, base }]] }),
  },
});
