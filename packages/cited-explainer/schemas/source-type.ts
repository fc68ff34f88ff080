import { z } from 'zod';

/**
 * What kind of document a source is, as its provenance record says (`type`). A record without one
 * is a newspaper article, so archives written before the field existed read as they always did.
 * How each kind is cited (CSL, BibTeX, RIS) is in cite/source-types.ts.
 */
export const sourceTypeSchema = z.enum(['newspaper-article', 'magazine-article', 'journal-article', 'web-page', 'speech', 'book', 'report', 'legal-document'], {
  error: 'must be one of newspaper-article, magazine-article, journal-article, web-page, speech, book, report, legal-document',
});

export type SourceType = z.infer<typeof sourceTypeSchema>;

/** The kind of a source whose provenance names none. */
export const defaultSourceType: SourceType = 'newspaper-article';
