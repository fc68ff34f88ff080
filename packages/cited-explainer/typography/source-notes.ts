import type { SourceMeta } from '../schemas/source.ts';
import { smartQuotes } from './smart-quotes.ts';

/**
 * A source's metadata as readers see it: the archivist's notes (how sure, how the date was worked
 * out, what a copy republishes, notes on the copy), typed with straight quotes, get typographer's quotes like every other
 * text of the site. The source's own words (headline, publisher, author's name) stay as published.
 */
export function notesForReaders(meta: SourceMeta): SourceMeta {
  const curl = (value: string | null) => (value === null ? null : smartQuotes(value));
  return {
    ...meta,
    publisherNote: curl(meta.publisherNote),
    section: curl(meta.section),
    author: { ...meta.author, note: curl(meta.author.note) },
    published: { ...meta.published, basis: curl(meta.published.basis) },
    urlConfidence: smartQuotes(meta.urlConfidence),
    republishedFrom: curl(meta.republishedFrom),
    notes: meta.notes.map((note) => smartQuotes(note)),
  };
}
