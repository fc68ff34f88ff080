import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { projectRoot } from 'virtual:cited-explainer/config';

/**
 * A content entry's file. Astro names it relative to the project root, which need not be the
 * folder the build runs in (`astro build --root elsewhere`): resolve it there.
 */
interface Entry {
  id: string;
  collection: string;
  filePath?: string;
}

/** The file as errors name it: relative to the working folder. */
export const entryFile = (entry: Entry) => (entry.filePath ? relative(process.cwd(), resolve(projectRoot, entry.filePath)) : `${entry.collection}/${entry.id}`);

export const entryText = (entry: Entry) => (entry.filePath ? readFileSync(resolve(projectRoot, entry.filePath), 'utf8') : '');
