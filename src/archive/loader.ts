import type { Loader } from 'astro/loaders';
import { readArchive } from './read.ts';

/** Astro content loader for the source archive: verifies every file (schema, sha256) on load. */
export function archiveLoader(dir: string): Loader {
  return {
    name: 'source-archive',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const [id, source] of readArchive(dir)) {
        store.set({ id, data: await parseData({ id, data: { ...source.meta } }), body: source.body });
      }
    },
  };
}
