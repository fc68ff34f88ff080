import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStrings } from '../../packages/cited-explainer/i18n/load.ts';
import { english } from '../../packages/cited-explainer/i18n/strings.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function folders(files: { locales?: Record<string, string>; content?: string }) {
  const root = tempDir('strings-');
  const locales = join(root, 'locales');
  const content = join(root, 'content');
  mkdirSync(locales);
  mkdirSync(content);
  writeFileSync(join(locales, 'en.json'), JSON.stringify(english));
  for (const [name, text] of Object.entries(files.locales ?? {})) writeFileSync(join(locales, `${name}.json`), text);
  if (files.content) writeFileSync(join(content, 'strings.json'), files.content);
  return { locales, content };
}

describe('loadStrings', () => {
  it('takes the best-matching locale file over English', () => {
    const { locales, content } = folders({ locales: { fr: JSON.stringify({ scope: { label: 'Portée de cette page' } }) } });
    const loaded = loadStrings(content, 'fr-CA', locales);
    expect(loaded.locale).toBe('fr');
    expect(loaded.strings.scope.label).toBe('Portée de cette page');
    expect(loaded.strings.scope.reportingOn).toBe(english.scope.reportingOn);
  });

  it('gives English for "en-GB"', () => {
    const { locales, content } = folders({});
    expect(loadStrings(content, 'en-GB', locales)).toEqual({ strings: english, locale: 'en' });
  });

  it('falls back to English, saying so, for a language without a file', () => {
    const { locales, content } = folders({});
    expect(loadStrings(content, 'hy', locales)).toEqual({ strings: english, locale: undefined });
  });

  it('lays the content folder’s strings.json over the locale', () => {
    const { locales, content } = folders({ content: JSON.stringify({ layout: { skipToContent: 'Skip to the text' } }) });
    expect(loadStrings(content, 'en', locales).strings.layout.skipToContent).toBe('Skip to the text');
  });

  it('stops at an unknown key with the file, its line and the closest known key', () => {
    const { locales, content } = folders({ content: '{\n  "scope": {\n    "label": "Scope",\n    "laterEvent": "Later events are not covered."\n  }\n}\n' });
    const file = relative(process.cwd(), join(content, 'strings.json'));
    expect(() => loadStrings(content, 'en', locales)).toThrow(`${file}:4:20: "scope.laterEvent": unknown key "scope.laterEvent"; the closest known key is "scope.laterEvents"`);
  });
});
