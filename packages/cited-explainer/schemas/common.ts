import { z } from 'zod';
import { smartQuotes } from '../typography/smart-quotes.ts';

/**
 * Today's date where it is latest on Earth (UTC+14): a date after it has not happened anywhere yet,
 * while an editor in any time zone can still write their own today.
 */
export const latestToday = (now = Date.now()) => new Date(now + 14 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * A real calendar date written YYYY-MM-DD: "2022-02-30" is refused, not rolled over, and so is a
 * date after the build's (an `updated: 9999-12-31` would claim a review that has not happened).
 * YAML front matter reads an unquoted date as a Date, which is taken back to its day.
 */
/** YAML reads an unquoted 2021-11-16 as a Date: take it back to the day as written. */
export const dayAsWritten = (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value);

export const isoDate = z.preprocess(
  dayAsWritten,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, 'not a real calendar date')
    .refine((value) => value <= latestToday(), { error: (issue) => `${issue.input as string} is in the future (today is ${latestToday()}): give the date it happened` }),
);

/** Lower-case words joined by hyphens: safe in URLs and as HTML ids. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens');

/**
 * A page's change log: what changed on it and when, newest first, shown under the page. A change
 * is a review: its date may not be later than the page's `updated` (see changesReviewed).
 */
export const changeLog = z
  .array(
    z.strictObject({
      date: isoDate,
      note: z
        .string()
        .min(1)
        .transform((note) => smartQuotes(note)),
    }),
  )
  .default([])
  .refine((changes) => changes.every((change, i) => i === 0 || changes[i - 1].date >= change.date), 'list the changes newest first');

/** The newest change is no later than the page's last review (`updated`). */
export const changesReviewed = {
  check: (page: { updated: string; changes: ReadonlyArray<{ date: string }> }) => (page.changes[0]?.date ?? page.updated) <= page.updated,
  message: { path: ['changes'], message: 'the newest change is dated after "updated": set "updated" to the date of the review' },
};
