import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPluralForms } from '../../packages/cited-explainer/i18n/format.ts';
import { english } from '../../packages/cited-explainer/i18n/strings.ts';
import { citationRowSchema, glossaryRowSchema, incidentRowSchema } from '../../packages/cited-explainer/schemas/data.ts';
import { sourceTypeSchema } from '../../packages/cited-explainer/schemas/source-type.ts';

/**
 * A static check of src/ against packages/cited-explainer/locales/en.json: the code reaches strings as
 * `<x>.strings.<group>.<key>` or through a name bound to a group (`const text = siteLocale.strings.scope;`,
 * then `text.label`, or a parameter typed `Strings['feed']`); the search UI's `strings` is the search group. (The type checker already refuses
 * a key en.json lacks where code is typed; this also covers what it cannot see, and unused keys.)
 */
const SRC = join(import.meta.dirname, '../../packages/cited-explainer');
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.(ts|astro)$/.test(f) && !f.startsWith('i18n/'));
const code = new Map(files.map((file) => [file, readFileSync(join(SRC, file), 'utf8')]));

// Groups read by an id rather than by a key written in the code: words for each kind of source
// (packages/cited-explainer/cite/source-types.ts), each dataset and its fields and kinds of value
// (the /data/ page), checked against their ids below.
const { sourceTypes, datasetNames, datasets, dataFields, dataFieldTypes, ...keyed } = english;
const groups = keyed as unknown as Record<string, Record<string, unknown>>;

function usedKeys(file: string, text: string): Array<{ file: string; key: string }> {
  const used: Array<{ file: string; key: string }> = [];
  for (const [, group, key] of text.matchAll(/(?<![/\w])strings\.(\w+)\.(\w+)/g)) used.push({ file, key: `${group}.${key}` });
  const aliases = new Map([...text.matchAll(/const (\w+) = [\w.?() ]*\bstrings\.(\w+);/g)].map(([, alias, group]) => [alias, group]));
  for (const [, alias, group] of text.matchAll(/(\w+): Strings\['(\w+)'\]/g)) aliases.set(alias, group);
  if (/^search\/(results|page-ui)\.ts$/.test(file)) aliases.set('strings', 'search');
  for (const [alias, group] of aliases) {
    for (const [, key] of text.matchAll(new RegExp(`(?<![/\\w.])${alias}\\.(\\w+)`, 'g'))) used.push({ file, key: `${group}.${key}` });
  }
  return used;
}

const used = [...code].flatMap(([file, text]) => usedKeys(file, text)).filter(({ key }) => !/^(sourceTypes|datasetNames|datasets|dataFields|dataFieldTypes)\./.test(key));
const leafKeys = Object.entries(groups).flatMap(([group, strings]) => Object.keys(strings).map((key) => `${group}.${key}`));

describe('packages/cited-explainer/locales/en.json', () => {
  it('has every key the code uses', () => {
    const missing = used.filter(({ key }) => {
      const [group, name] = key.split('.');
      return !(group in groups) || !(name in groups[group]);
    });
    expect(missing).toEqual([]);
  });

  it('has no key the code does not use', () => {
    const usedSet = new Set(used.map(({ key }) => key));
    // The range separators are read as a group, by the date formatter (packages/cited-explainer/i18n/locale.ts).
    const readWhole = new Set(['dates.rangeBetweenDays', 'dates.rangeBetweenDates']);
    expect(leafKeys.filter((key) => !usedSet.has(key) && !readWhole.has(key))).toEqual([]);
  });

  it('names every kind of source and every dataset, with the same words for each', () => {
    expect(Object.keys(sourceTypes).sort()).toEqual([...sourceTypeSchema.options, 'mixed'].sort());
    for (const [type, words] of Object.entries(sourceTypes))
      expect(Object.keys(words).sort(), type).toEqual(type === 'mixed' ? ['listNoun', 'nouns'] : ['label', 'listNoun', 'noun', 'nouns', 'publisherLabel']);
    expect(Object.keys(datasetNames).sort()).toEqual(['citations', 'glossary', 'incidents', 'sources']);
    expect(Object.keys(datasets).sort()).toEqual(['citations', 'glossary', 'incidents']);
    expect(Object.keys(dataFieldTypes).sort()).toEqual(['boolean', 'list', 'number', 'text']);
    const rows = { incidents: incidentRowSchema, glossary: glossaryRowSchema, citations: citationRowSchema };
    for (const [id, schema] of Object.entries(rows)) expect(Object.keys(dataFields[id as keyof typeof rows]), id).toEqual(Object.keys(schema.shape));
  });

  it('holds only strings and plural forms, two levels deep', () => {
    for (const strings of Object.values(groups)) {
      for (const value of Object.values(strings)) expect(typeof value === 'string' || (typeof value === 'object' && value !== null && isPluralForms(value))).toBe(true);
    }
  });
});
