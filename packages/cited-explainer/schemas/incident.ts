import { z } from 'zod';
import { citedText, noteText, prose } from './cited.ts';
import { changeLog, changesReviewed, dayAsWritten, isoDate, slug } from './common.ts';
import { citationExceptions } from './exception.ts';

/**
 * A date known to the day ("2021-11-16") or only to the month ("2022-12"). The precision is read
 * from the form, so an author never states it twice and cannot claim a day the sources do not give.
 */
export const partialDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected a date written YYYY-MM-DD, or YYYY-MM when the sources give only the month')
  .refine((value) => {
    const full = value.length === 7 ? `${value}-01` : value;
    const date = new Date(`${full}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === full;
  }, 'not a real calendar date')
  .transform((value) => ({ value, precision: value.length === 7 ? ('month' as const) : ('day' as const) }));

const dateInput = z.preprocess(dayAsWritten, partialDate);

/**
 * Front matter of an incident, content/incidents/<start>-<slug>.mdx: metadata (dates, places,
 * actors involved) for the timeline, maps and search, and the cited fields readers see in the
 * timeline and the facts box. Every other claim lives in the MDX body, where it is cited.
 */
export const incidentSchema = z
  .strictObject({
    title: prose({ max: 300 }),
    /** One neutral line for the timeline, cited like the page's opening it restates. */
    summary: citedText(),
    /** The "When" box: the date as the sources give it, cited. */
    when: citedText(),
    /** The "Where" box: the place as the sources name it, cited. */
    where: citedText(),
    /** The editors' orientation for the "Where" box (a place the sources do not name), shown as a note. */
    whereNote: noteText().optional(),
    start: dateInput,
    /** Omit for a single-day incident. */
    end: dateInput.optional(),
    /** Still going on in the latest source that reports it (the Lachin corridor's blockade, say): shown as "From <start>". */
    continuing: z.boolean().default(false),
    /** Glossary slugs of the places involved (kind: place), most specific first. */
    places: z.array(slug).min(1),
    /** Actor slugs of those involved (a conflict's parties), shown under the strings' incident.parties ("Involved"; a content folder's strings.json may say "Parties"); may be empty. */
    parties: z.array(slug).default([]),
    /** When the page was last reviewed against its sources. */
    updated: isoDate,
    changes: changeLog,
    exceptions: citationExceptions,
  })
  .refine(changesReviewed.check, changesReviewed.message);

export type Incident = z.infer<typeof incidentSchema>;
export type PartialDate = z.infer<typeof partialDate>;
