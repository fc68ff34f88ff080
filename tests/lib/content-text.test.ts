import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertPlainText, describeCodePoint, forbiddenInContent } from '../../packages/cited-explainer/lib/content-text.ts';
import { readJsonFile } from '../../packages/cited-explainer/lib/json-file.ts';

describe('control characters and bidirectional overrides in content files', () => {
  it.each([
    ['\u0000', 'U+0000 (NULL)'],
    ['\u0007', 'U+0007 (a control character)'],
    ['\u007f', 'U+007F (a control character)'],
    ['\u0085', 'U+0085 (a control character)'],
    ['\u202a', 'U+202A (LEFT-TO-RIGHT EMBEDDING)'],
    ['\u202e', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
    ['\u2066', 'U+2066 (LEFT-TO-RIGHT ISOLATE)'],
    ['\u2069', 'U+2069 (POP DIRECTIONAL ISOLATE)'],
  ])('refuses %j as %s, with the file, line and column', (character, described) => {
    const text = `---\ntitle: T\n---\n\nThe mayor${character} said so.\n`;
    expect(forbiddenInContent(text)).toEqual({ codePoint: character.codePointAt(0), line: 5, column: 10 });
    expect(() => assertPlainText('pages/a.md', text)).toThrow(`pages/a.md:5:10: ${described} is not allowed in content`);
    expect(describeCodePoint(character.codePointAt(0) ?? 0)).toBe(described);
  });

  it('accepts tabs, line ends, marks of direction and right-to-left text', () => {
    expect(forbiddenInContent('a\tb\r\nc\u200f d \u200e Հայաստան عربي\n')).toBeUndefined();
  });
});

describe('readJsonFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'json-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const path = join(dir, 'site.json');
    writeFileSync(path, text);
    return { path, file: relative(process.cwd(), path) };
  };

  it('reads past a byte order mark', () => {
    expect(readJsonFile(write('\uFEFF{"title": "T"}').path).data).toEqual({ title: 'T' });
  });

  it('names the line and column of a syntax error', () => {
    const { path, file } = write('{\n  "title": "T",\n}\n');
    expect(() => readJsonFile(path)).toThrow(new RegExp(`^${file}:3:1: not valid JSON: `));
  });

  it('refuses a bidirectional override with its position', () => {
    const { path, file } = write('{\n  "title": "\u202eT"\n}\n');
    expect(() => readJsonFile(path)).toThrow(`${file}:2:13: U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in content`);
  });
});
