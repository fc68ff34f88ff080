/**
 * Every export format is line-based somewhere (a RIS tag per line, a CSV row per line, BibTeX
 * read by tools that split on lines): a line break inside a field could start a new record. Each
 * field of each export is folded onto one line: line breaks (CR, LF, NEL, U+2028/9) and other
 * control characters become one space.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const breaks = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

export const oneLine = (text: string) => text.replace(breaks, ' ');

/** A value with every string inside it (object fields, list items) folded onto one line. */
export function foldStrings<T>(value: T): T {
  if (typeof value === 'string') return oneLine(value) as T;
  if (Array.isArray(value)) return value.map(foldStrings) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, foldStrings(field)])) as T;
  return value;
}
