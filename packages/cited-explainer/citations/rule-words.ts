import { bestLocale } from '../i18n/strings.ts';
import { ruleLocales } from '../locales/rules/index.ts';

/**
 * The words of one language the faithfulness rules read: the reporting cues by which a sentence
 * says that someone else says something ("said", "according to"), from locales/rules/<lang>.json,
 * and the date words (months, weekdays, "today", "yesterday"), from Intl. A language without cue
 * words has none: the rules that need them are off, and the build says so once (integration).
 */

export interface DateWords {
  /** Month names, long and short, lower case, each with its month (1–12). */
  months: Map<string, number>;
  /** Weekday names, lower case, Sunday first. */
  weekdays: string[];
  /** Month and weekday names as the language writes them, and capitalised (at the start of a sentence): what a date mention is read by, case-sensitively ("May", never "may"). */
  written: string[];
  today: string;
  yesterday: string;
}

export interface RuleWords {
  lang: string;
  /** Matches a reporting cue, or undefined when the language has none (attribution rules off). */
  reportingCue: RegExp | undefined;
  /** Words that open a sentence with a capital but are not names ("It", "According"), lower case. */
  notNames: ReadonlySet<string>;
  dates: DateWords;
}

type RuleLocales = typeof ruleLocales;

function dateWords(lang: string): DateWords {
  const written = new Set<string>();
  const months = new Map<string, number>();
  for (const month of ['long', 'short'] as const) {
    const name = new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) {
      const word = name.format(Date.UTC(2021, m - 1, 1)).replace(/\.$/, '');
      written.add(word).add(capitalised(word));
      months.set(word.toLowerCase(), m);
    }
  }
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  // 2021-01-03 was a Sunday.
  const weekdays = Array.from({ length: 7 }, (_, d) => weekday.format(Date.UTC(2021, 0, 3 + d)));
  for (const day of weekdays) written.add(day).add(capitalised(day));
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  return {
    months,
    weekdays: weekdays.map((day) => day.toLowerCase()),
    written: [...written],
    today: relative.format(0, 'day').toLowerCase(),
    yesterday: relative.format(-1, 'day').toLowerCase(),
  };
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const cache = new Map<string, RuleWords>();

/** The rule words of a language tag ("en-GB" reads en.json); `locales` stands in for locales/rules/ in tests. */
export function ruleWords(lang: string, locales: RuleLocales = ruleLocales): RuleWords {
  const cached = locales === ruleLocales ? cache.get(lang) : undefined;
  if (cached) return cached;
  const found = bestLocale(lang, Object.keys(locales));
  const data = found === undefined ? undefined : locales[found];
  const cues = data?.reportingCues ?? [];
  const words: RuleWords = {
    lang,
    reportingCue: cues.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${cues.join('|')})(?![\\p{L}\\p{N}])`, 'iu') : undefined,
    notNames: new Set(data?.notNames ?? []),
    dates: dateWords(lang),
  };
  if (locales === ruleLocales) cache.set(lang, words);
  return words;
}

/** English, for callers that give no language (unit tests, other tools). */
export const englishRuleWords = (): RuleWords => ruleWords('en-GB');

/** The build's one warning for a language without reporting cues. */
export const noCueWordsWarning = (lang: string) =>
  `site.json "lang" is ${lang}, which has no reporting cue words in locales/rules/ (${Object.keys(ruleLocales).join(', ')}): the attribution, speaker-statement and speaker-words rules are off; add locales/rules/<language>.json with "reportingCues" and list it in locales/rules/index.ts`;
