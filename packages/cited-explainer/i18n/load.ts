import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../lib/content-error.ts';
import { STRINGS_FILE } from '../lib/content-layout.ts';
import { fieldPosition } from '../lib/field-position.ts';
import { readJsonFile } from '../lib/json-file.ts';
import { bestLocale, english, mergeStrings, REFERENCE_LANGUAGE, type Strings, stringsProblems } from './strings.ts';

/** The generator's locale files: locales/<language tag>.json. */
export const LOCALES_DIR = fileURLToPath(new URL('../locales/', import.meta.url));

export interface LoadedStrings {
  strings: Strings;
  /** The locale file chosen ("en"), or undefined when the site's language has none and English stands in. */
  locale: string | undefined;
}

/** A partial strings file, read and checked against English: the first problem stops the build with its line. */
function readPartialStrings(path: string): object {
  const { file, text, data } = readJsonFile(path);
  const [problem] = stringsProblems(data);
  if (problem) {
    const where = fieldPosition(text, problem.path);
    throw new ContentError({
      file,
      line: where?.line,
      column: where?.column,
      message: `${problem.path.length ? `"${problem.path.join('.')}": ` : ''}${problem.message}`,
      hint: 'see locales/en.json for every string and its placeholders',
    });
  }
  return data as object;
}

/** The languages locales/ (or `localesDir`) has a file for. */
export const availableLocales = (localesDir: string) =>
  readdirSync(localesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));

/**
 * The strings of a site in language `lang`: the best-matching locale file ("en-GB" → en.json) over
 * English, then the content folder's strings.json, if any, over that. A language without a locale
 * file gets English, and `locale` says so, for the integration to warn once.
 */
export function loadStrings(contentDir: string, lang: string, localesDir = LOCALES_DIR): LoadedStrings {
  const locale = bestLocale(lang, availableLocales(localesDir));
  const base = locale === undefined || locale === REFERENCE_LANGUAGE ? english : mergeStrings(english, readPartialStrings(join(localesDir, `${locale}.json`)));
  const overrides = join(contentDir, STRINGS_FILE);
  return { strings: existsSync(overrides) ? mergeStrings(base, readPartialStrings(overrides)) : base, locale };
}
