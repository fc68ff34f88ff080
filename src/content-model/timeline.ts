import { formatDate, formatMonth } from '../lib/dates.ts';
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
  return (
    a.start.value.localeCompare(b.start.value) ||
    (a.end?.value ?? a.start.value).localeCompare(b.end?.value ?? b.start.value) ||
    a.id.localeCompare(b.id)
  );
}

export function sortTimeline<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort(compareIncidents);
}

/** "2022-12" → "December 2022"; "2021-11-16" → "16 November 2021". */
export function formatPartialDate(date: PartialDate): string {
  return date.precision === 'day' ? formatDate(date.value) : formatMonth(date.value);
}

/** "16 November 2021", "13–14 November 2021", "24–26 March 2022", "30 June – 2 July 2023". */
export function formatDateRange(start: PartialDate, end?: PartialDate, continuing = false): string {
  if (continuing) return `From ${formatPartialDate(start)}${end ? ` (still reported ${end.precision === 'day' ? 'on' : 'in'} ${formatPartialDate(end)})` : ''}`;
  if (!end || end.value === start.value) return formatPartialDate(start);
  const [from, to] = [formatPartialDate(start), formatPartialDate(end)];
  if (start.precision === 'day' && end.precision === 'day') {
    const [d1, m1, y1] = from.split(' ');
    const [d2, m2, y2] = to.split(' ');
    if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${m2} ${y2}`;
    if (y1 === y2) return `${d1} ${m1} – ${to}`;
  }
  return `${from} – ${to}`;
}
