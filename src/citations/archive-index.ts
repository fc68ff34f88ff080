import { join } from 'node:path';
import { readArchive } from '../archive/read.ts';
import { QuoteIndex } from './locate.ts';

const indexes = new Map<string, QuoteIndex>();

/** The quote index of a content folder's archive, built once per process and shared by all pages. */
export function loadQuoteIndex(contentDir: string): QuoteIndex {
  let index = indexes.get(contentDir);
  if (!index) {
    index = new QuoteIndex(readArchive(join(contentDir, 'sources')).values());
    indexes.set(contentDir, index);
  }
  return index;
}
