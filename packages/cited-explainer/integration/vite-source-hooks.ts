import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Lets plain Node (the build's worker thread) load modules written for Vite, as a production
 * build bundles them: a `?raw` import is the file's text, and `import.meta.env` is the build's
 * (only PROD and BASE_URL are read outside Astro's own code). For cite/format.ts, whose
 * citeproc formatting the worker does ahead of the pages that show it.
 */
export function registerViteSourceHooks(env: { PROD: true; BASE_URL: string }): void {
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:') && url.endsWith('?raw')) {
        const text = readFileSync(fileURLToPath(url.slice(0, -'?raw'.length)), 'utf8');
        return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
      }
      const loaded = nextLoad(url, context);
      if (!url.startsWith('file:') || url.includes('/node_modules/') || loaded.source === undefined) return loaded;
      const source = String(loaded.source);
      return source.includes('import.meta.env') ? { ...loaded, source: `import.meta.env = ${JSON.stringify(env)};\n${source}` } : loaded;
    },
  });
}
