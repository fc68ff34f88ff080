import { type DateFormatter, dateFormatter } from '../lib/dates.ts';
import { english, type Strings } from './strings.ts';

/** Everything a renderer needs to write for readers of one language: its tag, its strings, its dates, its lists. */
export interface Locale {
  lang: string;
  strings: Strings;
  dates: DateFormatter;
  /** Names joined as the language joins them: "A, B and C". */
  list(names: readonly string[]): string;
}

export function localeFor(lang: string, strings: Strings): Locale {
  const lists = new Intl.ListFormat(lang, { type: 'conjunction' });
  return { lang, strings, dates: dateFormatter(lang, strings.dates), list: (names) => lists.format(names) };
}

/**
 * What the pure renderers use when a caller gives no locale (unit tests, other tools): English
 * strings with British dates, as the generator wrote before it had locales.
 */
export const defaultLocale: Locale = localeFor('en-GB', english);
