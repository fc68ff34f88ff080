import { type DateFormatter, dateFormatter } from '../lib/dates.ts';
import { english, type Strings } from './strings.ts';

/** Everything a renderer needs to write for readers of one language: its tag, its strings, its dates. */
export interface Locale {
  lang: string;
  strings: Strings;
  dates: DateFormatter;
}

export const localeFor = (lang: string, strings: Strings): Locale => ({ lang, strings, dates: dateFormatter(lang, strings.dates) });

/**
 * What the pure renderers use when a caller gives no locale (unit tests, other tools): English
 * strings with British dates, as the generator wrote before it had locales.
 */
export const defaultLocale: Locale = localeFor('en-GB', english);
