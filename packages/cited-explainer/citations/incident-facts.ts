import type { ElementContent } from 'hast';
import type { Locale } from '../i18n/locale.ts';
import type { CitationException } from '../schemas/exception.ts';
import { citeField, fieldLocation } from './cited-field.ts';
import type { PageResolver } from './resolve.ts';

/**
 * An incident page has one list of sources for its facts box ("When", "Where") and its story. The
 * facts' citations are resolved first, with the page's resolver: the box's markers take the notes
 * 1…k, the body's continue from k+1, and a passage the box already cites keeps its number. The facts
 * box (content-model/cited-fields.ts) and the page's Markdown plugin (cite-page.ts, which writes the
 * page's "Sources") both resolve the facts through this one function from the same front matter, so
 * the box's markers and the page's endnotes agree by construction.
 */

/** The facts box's cited fields, in the order the box shows them; the prefix keeps their claim anchors apart. */
export const incidentFactsFields = [
  { field: 'when', anchorPrefix: 'when-' },
  { field: 'where', anchorPrefix: 'where-' },
] as const;

export type IncidentFactsField = (typeof incidentFactsFields)[number]['field'];

export interface IncidentFactsOptions {
  resolver: PageResolver;
  base: string;
  locale?: Locale;
  /** The incident's reviewed exceptions (its front matter's "exceptions"). */
  exceptions?: readonly CitationException[];
}

/**
 * Resolves the facts fields a front matter holds, in the box's order, with the page's resolver.
 * `file` is the incident's file as errors name it, and its whole text (for the fields' lines).
 */
export function citeIncidentFacts(
  values: Partial<Record<IncidentFactsField, unknown>>,
  file: { file: string; text: string },
  options: IncidentFactsOptions,
): Map<IncidentFactsField, ElementContent[]> {
  const fields = new Map<IncidentFactsField, ElementContent[]>();
  for (const { field, anchorPrefix } of incidentFactsFields) {
    const value = values[field];
    if (typeof value !== 'string') continue;
    fields.set(field, citeField(value, { ...options, where: fieldLocation(file.file, file.text, field), anchorPrefix }));
  }
  return fields;
}
