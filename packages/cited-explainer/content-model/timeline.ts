import { format } from '../i18n/format.ts';
import { defaultLocale, type Locale } from '../i18n/locale.ts';
import type { PartialDate } from '../schemas/incident.ts';

/** Ordering and display of incident dates. Pure functions: no Astro, no file system. */

export interface Dated {
  id: string;
  start: PartialDate;
  end?: PartialDate | undefined;
}

/**
 * Date order. A month-only date sorts before the days of that month ("2022-12" < "2022-12-05"),
 * so an incident known only by its month opens that month; equal dates fall back to the end date
 * and then the id, so the order never depends on the order files were read in.
 */
export function compareIncidents(a: Dated, b: Dated): number {
  return a.start.value.localeCompare(b.start.value) || (a.end?.value ?? a.start.value).localeCompare(b.end?.value ?? b.start.value) || a.id.localeCompare(b.id);
}

export function sortTimeline<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort(compareIncidents);
}

/** "2022-12" → "December 2022"; "2021-11-16" → "16 November 2021" (en-GB). */
export function formatPartialDate(date: PartialDate, locale: Locale = defaultLocale): string {
  return locale.dates.format(date.value);
}

/** "16 November 2021", "13–14 November 2021", "24–26 March 2022", "30 June – 2 July 2023", "From December 2022 (still reported on 28 June 2023)". */
export function formatDateRange(start: PartialDate, end?: PartialDate, continuing = false, locale: Locale = defaultLocale): string {
  const text = locale.strings.timeline;
  if (continuing) {
    const from = formatPartialDate(start, locale);
    if (!end) return format(text.continuing, { start: from });
    return format(end.precision === 'day' ? text.continuingStillReportedOnDay : text.continuingStillReportedInMonth, { start: from, end: formatPartialDate(end, locale) });
  }
  return locale.dates.formatRange(start.value, (end ?? start).value);
}

/**
 * A title without the date it ends with, when the timeline shows that date beside it: "Parukh and
 * Khramort, 24–26 March 2022" → "Parukh and Khramort". The date is recognised as the timeline
 * writes it (the range, the start, the start's month), after a comma or "of"/"from"; a title that
 * does not end with its date is kept whole.
 */
export function titleWithoutDate(title: string, item: Dated & { continuing?: boolean }, locale: Locale = defaultLocale): string {
  const dates = new Set([locale.dates.formatRange(item.start.value, (item.end ?? item.start).value), locale.dates.format(item.start.value), locale.dates.format(item.start.value.slice(0, 7))]);
  for (const date of dates) {
    const match = new RegExp(`^(.+?)(?:,\\s*(?:from\\s+)?|\\s+of\\s+|\\s+from\\s+)${date.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i').exec(title);
    if (match) return match[1];
  }
  return title;
}

/** A calendar date as a count of months since year 0, with the day as a fraction: the axis's unit. */
export function monthsOf(isoDate: string, at: 'start' | 'end' = 'start'): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  const months = year * 12 + (month - 1);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day === undefined) return at === 'start' ? months : months + 1;
  return months + (day - (at === 'start' ? 1 : 0)) / days;
}

export interface TimeAxis {
  /** In months (monthsOf): the axis runs from the start of the first month shown to the end of the last. */
  from: number;
  to: number;
  /** Each incident's stretch of time, in order. */
  incidents: Array<{ id: string; from: number; to: number }>;
  /** The archive's reporting, first to last publication date. */
  coverage: { from: number; to: number };
  /** Each January 1st inside the axis, by its year. */
  years: Array<{ year: number; at: number }>;
  /**
   * Stretches between one incident's end and the next one's start that are `minGap` calendar months
   * or more apart (March to December: nine), with that count.
   */
  gaps: Array<{ after: string; before: string; from: number; to: number; months: number }>;
}

/**
 * The timeline on a time scale, pure: where each incident, the archive's coverage and the years
 * lie in months, and the gaps in which the archive reports no incident. A continuing incident
 * lasts until the last date it is still reported on.
 */
export function timeAxis(items: ReadonlyArray<Dated>, coverage: { from: string; to: string }, minGap = 3): TimeAxis {
  const incidents = items.map((item) => ({ id: item.id, from: monthsOf(item.start.value), to: monthsOf((item.end ?? item.start).value, 'end') }));
  const cover = { from: monthsOf(coverage.from), to: monthsOf(coverage.to, 'end') };
  const from = Math.floor(Math.min(cover.from, ...incidents.map((i) => i.from)));
  const to = Math.ceil(Math.max(cover.to, ...incidents.map((i) => i.to)));
  const years = [];
  for (let year = Math.ceil(from / 12); year * 12 < to; year++) if (year * 12 > from) years.push({ year, at: year * 12 });
  const gaps = incidents.slice(1).flatMap((next, i) => {
    const reached = Math.max(...incidents.slice(0, i + 1).map((earlier) => earlier.to));
    const months = Math.floor(next.from) - Math.floor(reached - 1e-9);
    return months >= minGap ? [{ after: incidents[i].id, before: next.id, from: reached, to: next.from, months }] : [];
  });
  return { from, to, incidents, coverage: cover, years, gaps };
}

/**
 * Rows for marks on a drawn axis, so that none covers another: each mark (its left and right edge
 * as drawn) takes the first row in which it stays `minGap` clear of the marks already there.
 * Marks are placed in the order given; the result is each mark's row, 0 the axis's own.
 */
export function axisRows(marks: ReadonlyArray<{ x0: number; x1: number }>, minGap: number): number[] {
  const rows: Array<Array<{ x0: number; x1: number }>> = [];
  return marks.map((mark) => {
    let row = rows.findIndex((placed) => placed.every((other) => mark.x0 >= other.x1 + minGap || mark.x1 <= other.x0 - minGap));
    if (row === -1) row = rows.push([]) - 1;
    rows[row].push(mark);
    return row;
  });
}
