import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, freshOutDir } from '../../helpers/build-site.ts';
import { builtSite, listFiles } from '../../helpers/site.ts';

// Two builds of the same content are byte-identical: no timestamps, random ids, absolute paths or
// file-system ordering in the output. The second build goes into another folder, with its own,
// empty Astro cache (the cache is per output folder), as a fresh clone would.
const first = builtSite();
const work = freshOutDir('determinism-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hashes = (dir: string) =>
  Object.fromEntries(listFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));

describe('determinism', () => {
  it('a second build of the same content is byte-identical, file for file', () => {
    const second = buildSite(first.contentDir, { outDir: join(work, 'out') });
    expect(second.ok, second.output).toBe(true);
    const a = hashes(first.outDir);
    const b = hashes(second.outDir);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(a).length).toBeGreaterThan(3);
  });

  it('no build path leaks into the output', () => {
    for (const file of listFiles(first.outDir)) {
      const text = readFileSync(join(first.outDir, file), 'latin1');
      expect(text.includes(first.contentDir), `${file} contains the content folder's path`).toBe(false);
      expect(text.includes(process.cwd()), `${file} contains the project's path`).toBe(false);
    }
  });
});
