import en from '../locales/en.json' with { type: 'json' };
import { isPluralForms, PLURAL_CATEGORIES, type PluralForms, placeholders } from './format.ts';

export { format, formatParts, type PluralForms, plural } from './format.ts';

/**
 * The words the generator itself puts on a page ("Sources", "Skip to content", "Based on reporting
 * from …"), one locale file per language in locales/. English is the reference: its file
 * defines which strings exist, so their type is read off it rather than written again here.
 * Pure functions only; reading files is i18n/load.ts.
 */
export type Strings = typeof en;

export const english: Strings = en;

/** The language English is written in, for the locale matcher. */
export const REFERENCE_LANGUAGE = 'en';

/**
 * The best of the available locales for a language tag, by BCP 47 lookup: the tag itself, then
 * with its last subtag removed, and so on ("en-GB" → "en"; "sr-Latn-RS" → "sr-Latn" → "sr").
 * Undefined when none matches.
 */
export function bestLocale(lang: string, available: readonly string[]): string | undefined {
  const byLowerCase = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  const subtags = Intl.getCanonicalLocales(lang)[0].toLowerCase().split('-');
  for (let length = subtags.length; length > 0; length--) {
    const found = byLowerCase.get(subtags.slice(0, length).join('-'));
    if (found) return found;
  }
  return undefined;
}

/** One problem in a file of strings, with the path of the key it is about. */
export interface StringsProblem {
  path: string[];
  message: string;
}

/** Every key path of the reference strings, dotted: "citations.markerLabel", "scope.label", … */
function knownPaths(reference: object, prefix: string[] = []): string[] {
  return Object.entries(reference).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !isPluralForms(value) ? knownPaths(value, [...prefix, key]) : [[...prefix, key].join('.')],
  );
}

/** Edit distance, for "did you mean": a translator's typo is usually a letter or two. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The known key closest to an unknown one, compared as dotted paths so a key in the wrong group is found too. */
export function closestKey(unknown: string, reference: object = english): string {
  return knownPaths(reference).reduce((best, path) => (editDistance(unknown, path) < editDistance(unknown, best) ? path : best));
}

const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'a group of strings' : `a ${typeof value}`);

/**
 * What is wrong with a partial set of strings (a locale file, a content folder's strings.json)
 * measured against the reference: unknown keys, a string where a group belongs or the reverse, and
 * placeholders the code does not fill. Empty when it may be merged.
 */
export function stringsProblems(candidate: unknown, reference: object = english, path: string[] = []): StringsProblem[] {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return [{ path, message: `must be a group of strings ({ "key": "text" }), not ${describe(candidate)}` }];
  }
  const plural = isPluralForms(reference);
  return Object.entries(candidate).flatMap(([key, value]): StringsProblem[] => {
    const here = [...path, key];
    const known = plural ? PLURAL_CATEGORIES.has(key) : Object.hasOwn(reference, key);
    if (!known) {
      const message = plural
        ? `unknown plural category "${key}": use one of ${[...PLURAL_CATEGORIES].join(', ')}`
        : `unknown key "${here.join('.')}"; the closest known key is "${closestKey(here.join('.'))}"`;
      return [{ path: here, message }];
    }
    // Every plural category of a string takes the placeholders of its English "other" form.
    const expected = plural ? (reference as PluralForms).other : (reference as Record<string, unknown>)[key];
    if (typeof expected === 'string') {
      if (typeof value !== 'string') return [{ path: here, message: `must be a string, not ${describe(value)}` }];
      const allowed = new Set(placeholders(expected));
      const stray = placeholders(value).find((name) => !allowed.has(name));
      if (stray) return [{ path: here, message: `names {${stray}}, which this string does not fill; it may use ${allowed.size ? [...allowed].map((p) => `{${p}}`).join(', ') : 'no placeholder'}` }];
      return [];
    }
    return stringsProblems(value, expected as object, here);
  });
}

/** The reference strings with a checked partial set laid over them, group by group. */
export function mergeStrings<T extends object>(reference: T, overrides: object): T {
  const merged: Record<string, unknown> = { ...(reference as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = typeof value === 'object' && value !== null && typeof current === 'object' && current !== null ? mergeStrings(current, value) : value;
  }
  return merged as T;
}
