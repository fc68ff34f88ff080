/**
 * Filling the generator's strings: placeholders ("Note {number}") and plural forms. No locale file
 * is imported here, so the search UI's browser code can use it without carrying every string.
 */

/** A string whose wording depends on a count: one form per CLDR plural category, `other` always given. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export const PLURAL_CATEGORIES: ReadonlySet<string> = new Set<Intl.LDMLPluralRule>(['zero', 'one', 'two', 'few', 'many', 'other']);

/** A group of a locale file that holds a plural string rather than named strings. */
export const isPluralForms = (value: object): boolean => 'other' in value && Object.keys(value).every((key) => PLURAL_CATEGORIES.has(key));

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholders a template names: "Note {number}" → ["number"]. */
export const placeholders = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);

/**
 * The template split at its placeholders, each filled from `values`: text stays text, so a value may
 * be markup (an Astro element) that a component renders in the translator's order.
 */
export function formatParts<T>(template: string, values: Readonly<Record<string, T>>): Array<string | T> {
  const parts: Array<string | T> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!(match[1] in values)) throw new Error(`string "${template}": no value for {${match[1]}}`);
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(values[match[1]]);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

/** "Note {number}", { number: 3 } → "Note 3". A placeholder without a value is a bug, so it throws. */
export const format = (template: string, values: Readonly<Record<string, string | number>> = {}): string => formatParts(template, values).join('');

// One per language: plural() runs for every citation marker.
const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of a plural string that `count` takes in `lang` (Intl.PluralRules), filled with {count} and `values`. */
export function plural(forms: PluralForms, count: number, lang: string, values: Readonly<Record<string, string | number>> = {}): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const category = rules.select(count);
  return format(forms[category] ?? forms.other, { count, ...values });
}
