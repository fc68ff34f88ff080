import { dirname } from 'node:path';
import type { Loader } from 'astro/loaders';
import { readArchive } from './read.ts';
import { verifyArchiveAgainstRaw } from './verify.ts';

/**
 * Astro content loader for the source archive: verifies every file on load (schema, sha256, and
 * that it is exactly what ingest writes from its raw input in the content folder's raw/).
 */
export function archiveLoader(dir: string): Loader {
  return {
    name: 'source-archive',
    load: async ({ store, parseData }) => {
      store.clear();
      const sources = readArchive(dir);
      verifyArchiveAgainstRaw(dirname(dir), sources);
      for (const [id, source] of sources) {
        store.set({ id, data: await parseData({ id, data: { ...source.meta } }), body: source.body });
      }
    },
  };
}
