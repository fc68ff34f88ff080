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
