import { format } from '../i18n/format.ts';
import { english, type Strings } from '../i18n/strings.ts';
import type { SourceMeta } from '../schemas/source.ts';
import { foldStrings } from './one-line.ts';
import { sourceFormatOf } from './source-types.ts';

/** A CSL date from YYYY-MM-DD. */
export const cslDate = (isoDate: string) => ({ 'date-parts': [isoDate.split('-').map(Number)] });

/**
 * Our provenance of a source, for the CSL `note` (and so BibTeX `note`, RIS `N1`): what is known
 * about the publisher and this copy, a rewording, an estimated date, and where our copy is (when the site's address is known).
 * Never in the publication's name.
 */
function provenanceNote(meta: SourceMeta, archiveUrl: string, words: Strings['sourceRecord']): string {
  return [
    meta.publisherNote,
    meta.republishedFrom && format(meta.reworded ? words.rewordedFrom : words.republishedFrom, { from: meta.republishedFrom }),
    meta.published.estimate && words.dateEstimated,
    !meta.author.name && words.noByline,
    !meta.url && words.addressUnknown,
    // Our copy by its whole address only: a path alone would be no address in a reader's bibliography.
    /^https?:/.test(archiveUrl) && format(words.archivedCopy, { url: archiveUrl }),
  ]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.replace(/\.$/, ''))
    .join('. ');
}

/**
 * A source as a clean CSL-JSON item of its kind (article-newspaper unless its provenance names
 * another, cite/source-types.ts): the record every export is made from. The publication's
 * name (or, for a stand-alone document, its publisher), section, byline, full date, address and
 * access date (the day it was archived) in CSL's own fields; our provenance in `note` and, field
 * by field, under `custom`, in the site's words (the locale's sourceRecord).
 */
export function toCslItem(meta: SourceMeta, archiveUrl: string, words: Strings['sourceRecord'] = english.sourceRecord) {
  const sourceFormat = sourceFormatOf(meta);
  return foldStrings({
    id: meta.id,
    type: sourceFormat.csl,
    title: meta.headline,
    [sourceFormat.publisherAs]: meta.publisher,
    ...(meta.section ? { section: meta.section } : {}),
    ...(meta.author.name ? { author: [{ literal: meta.author.name }] } : {}),
    issued: { ...cslDate(meta.published.date), ...(meta.published.estimate ? { circa: true } : {}) },
    ...(meta.url ? { URL: meta.url } : {}),
    accessed: cslDate(meta.archived),
    note: provenanceNote(meta, archiveUrl, words),
    custom: {
      archive: archiveUrl,
      sha256: meta.sha256,
      publisherNote: meta.publisherNote,
      certainty: {
        author: meta.author.name ? (meta.author.note ?? words.asStated) : format(words.authorUnknown, { note: meta.author.note ?? '' }).trim(),
        issued: meta.published.estimate ? format(words.dateEstimate, { basis: meta.published.basis ?? '' }).trim() : words.asStated,
        URL: meta.urlConfidence,
      },
      republishedFrom: meta.republishedFrom,
      reworded: meta.reworded,
    },
  });
}
