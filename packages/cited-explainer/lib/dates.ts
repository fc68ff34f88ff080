/**
 * Dates as readers see them, in the site's language (Intl.DateTimeFormat): "25 March 2022" in
 * en-GB, "25. März 2022" in de. Dates are calendar dates, so they are read and formatted in UTC:
 * the result never depends on the machine's locale or time zone.
 */

/** How much of a date is known, read off its ISO form: "2022-03-25", "2022-03", "2022". */
export type DatePrecision = 'day' | 'month' | 'year';

export const precisionOf = (isoDate: string): DatePrecision => (isoDate.length > 7 ? 'day' : isoDate.length > 4 ? 'month' : 'year');

const OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
};

/** "2022-03" → 1 March 2022 at midnight UTC: the first instant of the period the date names. */
const instant = (isoDate: string) => new Date(`${`${isoDate}-01-01`.slice(0, 10)}T00:00:00Z`);

/**
 * What joins the two ends of a range, from the site's strings rather than ICU, whose spacing
 * (thin spaces around the dash) differs between languages and versions: between two day numbers
 * ("13–14 November 2021") and between fuller dates ("30 June – 2 July 2023").
 */
export interface RangeSeparators {
  rangeBetweenDays: string;
  rangeBetweenDates: string;
}

export interface DateFormatter {
  /** "2022-03-25" → "25 March 2022", "2022-12" → "December 2022", "2022" → "2022" (en-GB). */
  format(isoDate: string): string;
  /** Two dates as one range, sharing what they share: "13–14 November 2021", "30 June – 2 July 2023". */
  formatRange(start: string, end: string): string;
}

/** The date formatter of one language; ranges are joined with the given separators. */
export function dateFormatter(lang: string, separators: RangeSeparators): DateFormatter {
  const formats = new Map<DatePrecision, Intl.DateTimeFormat>();
  const formatFor = (precision: DatePrecision) => {
    if (!formats.has(precision)) formats.set(precision, new Intl.DateTimeFormat(lang, { ...OPTIONS[precision], timeZone: 'UTC' }));
    return formats.get(precision)!;
  };
  const format = (isoDate: string) => formatFor(precisionOf(isoDate)).format(instant(isoDate));
  return {
    format,
    formatRange(start, end) {
      if (start === end) return format(start);
      const precision = precisionOf(start);
      // Dates of different precision share nothing a formatter could merge.
      if (precision !== precisionOf(end)) return `${format(start)}${separators.rangeBetweenDates}${format(end)}`;
      const parts = formatFor(precision).formatRangeToParts(instant(start), instant(end));
      const separator = parts.findIndex((part, i) => part.source === 'shared' && parts[i - 1]?.source === 'startRange' && parts[i + 1]?.source === 'endRange');
      if (separator < 0) return parts.map((part) => part.value).join('');
      const betweenDays = parts[separator - 1].type === 'day' && parts[separator + 1].type === 'day';
      return [
        ...parts.slice(0, separator).map((part) => part.value),
        betweenDays ? separators.rangeBetweenDays : separators.rangeBetweenDates,
        ...parts.slice(separator + 1).map((part) => part.value),
      ].join('');
    },
  };
}
