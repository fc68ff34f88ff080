import { relative, resolve } from 'node:path';
import { projectRoot } from 'virtual:cited-explainer/config';
import { readPlainFile } from './inside-folder.ts';

/**
 * A content entry's file. Astro names it relative to the project root, which need not be the
 * folder the build runs in (`astro build --root elsewhere`): resolve it there.
 */
interface Entry {
  id: string;
  collection: string;
  filePath?: string;
  /** Astro's hash of the entry's content: a changed file (under astro dev) has a new one. */
  digest?: number | string;
}

/** The file as errors name it: relative to the working folder. */
export const entryFile = (entry: Entry) => (entry.filePath ? relative(process.cwd(), resolve(projectRoot, entry.filePath)) : `${entry.collection}/${entry.id}`);

// The content model and the ledger both need an entry's text (for its line numbers): read each file
// once, and again only when its digest changes (an edit under astro dev), keeping the latest text.
const texts = new Map<string, { digest: Entry['digest']; text: string }>();

export function entryText(entry: Entry): string {
  if (!entry.filePath) return '';
  const file = resolve(projectRoot, entry.filePath);
  const kept = texts.get(file);
  if (kept && kept.digest === entry.digest) return kept.text;
  const text = readPlainFile(file).toString('utf8');
  texts.set(file, { digest: entry.digest, text });
  return text;
}
