import { formatDate } from '../lib/dates.ts';
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

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2022-12" → "December 2022"; "2021-11-16" → "16 November 2021". */
export function formatPartialDate(date: PartialDate): string {
  if (date.precision === 'day') return formatDate(date.value);
  const [year, month] = date.value.split('-').map(Number);
  return `${months[month - 1]} ${year}`;
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

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** First and last day a date stands for: a month-only date covers the whole month. */
function days(date: PartialDate): [number, number] {
  if (date.precision === 'day') return [dayNumber(date.value), dayNumber(date.value)];
  const [year, month] = date.value.split('-').map(Number);
  return [dayNumber(`${date.value}-01`), Date.UTC(year, month, 0) / 86_400_000];
}

export interface TimeAxis {
  /** 1 January of each year on the axis. */
  years: Array<{ year: number; x: number }>;
  /** The period the archived reporting covers. */
  span?: { x: number; width: number };
  marks: Array<{ id: string; x: number; width: number }>;
}

/**
 * Positions on a time axis from 1 January of the first year to 1 January after the last, in units
 * of `width`: each incident (at least `minWidth` wide, so a single day shows) and the reporting span.
 */
export function timeAxis(items: readonly Dated[], span: { from: string; to: string } | undefined, width = 1000, minWidth = 4): TimeAxis {
  const ranges = items.map((item) => ({ id: item.id, from: days(item.start)[0], to: days(item.end ?? item.start)[1] }));
  const spanDays = span ? { from: dayNumber(span.from), to: dayNumber(span.to) } : undefined;
  const all = [...ranges, ...(spanDays ? [spanDays] : [])];
  if (all.length === 0) return { years: [], marks: [] };
  const yearOf = (day: number) => new Date(day * 86_400_000).getUTCFullYear();
  const firstYear = yearOf(Math.min(...all.map((r) => r.from)));
  const lastYear = yearOf(Math.max(...all.map((r) => r.to)));
  const start = Date.UTC(firstYear, 0, 1) / 86_400_000;
  const scale = width / (Date.UTC(lastYear + 1, 0, 1) / 86_400_000 - start);
  const at = (day: number) => Math.round((day - start) * scale * 10) / 10;
  const extent = (from: number, to: number) => ({ x: at(from), width: Math.max(minWidth, at(to + 1) - at(from)) });
  return {
    years: Array.from({ length: lastYear - firstYear + 1 }, (_, i) => ({ year: firstYear + i, x: at(Date.UTC(firstYear + i, 0, 1) / 86_400_000) })),
    ...(spanDays ? { span: extent(spanDays.from, spanDays.to) } : {}),
    marks: ranges.map((range) => ({ id: range.id, ...extent(range.from, range.to) })),
  };
}
