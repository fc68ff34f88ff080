import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderDigest } from '../../packages/cited-explainer/lib/folder-digest.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('folderDigest', () => {
  it('changes when a file’s bytes or name change, and ignores node_modules', () => {
    const dir = tempDir('digest-');
    mkdirSync(join(dir, 'cite'));
    writeFileSync(join(dir, 'cite', 'format.ts'), 'one');
    const first = folderDigest(dir);
    expect(folderDigest(dir)).toBe(first);
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'x.js'), 'anything');
    expect(folderDigest(dir)).toBe(first);
    writeFileSync(join(dir, 'cite', 'format.ts'), 'two');
    const edited = folderDigest(dir);
    expect(edited).not.toBe(first);
    writeFileSync(join(dir, 'cite', 'rules.ts'), '');
    expect(folderDigest(dir)).not.toBe(edited);
  });

  it('leaves out the files `skip` names, by their path relative to the folder', () => {
    const dir = tempDir('digest-');
    mkdirSync(join(dir, 'pages'));
    writeFileSync(join(dir, 'site.json'), '{}');
    writeFileSync(join(dir, 'pages', 'a.md'), 'one');
    const skipped: string[] = [];
    const skipPages = (file: string) => {
      skipped.push(file);
      return file.startsWith('pages/');
    };
    const first = folderDigest(dir, skipPages);
    expect(skipped).toEqual(['pages/a.md', 'site.json']);
    writeFileSync(join(dir, 'pages', 'a.md'), 'two');
    expect(folderDigest(dir, skipPages)).toBe(first);
    writeFileSync(join(dir, 'site.json'), '{"title":"x"}');
    expect(folderDigest(dir, skipPages)).not.toBe(first);
  });
});
