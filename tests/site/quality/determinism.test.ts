import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite, fileHashes, listFiles } from '../../helpers/site.ts';

// Two builds of the same content are byte-identical: no timestamps, random ids, absolute paths or
// file-system ordering in the output. The global setup builds the real site twice, into two
// folders, each with its own, empty Astro cache (the cache is per output folder), as a fresh clone
// would, and at the same time as other builds.
const first = builtSite('realSite');
const second = builtSite('realSiteAgain');

describe('determinism', () => {
  it('a second build of the same content is byte-identical, file for file', () => {
    expect(second.outDir).not.toBe(first.outDir);
    expect(second.contentDir).toBe(first.contentDir);
    const a = fileHashes(first.outDir);
    const b = fileHashes(second.outDir);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(a).length).toBeGreaterThan(3);
  });

  it('no build path leaks into the output', () => {
    for (const build of [first, second]) {
      for (const file of listFiles(build.outDir)) {
        const text = readFileSync(join(build.outDir, file), 'latin1');
        expect(text.includes(build.contentDir), `${file} contains the content folder's path`).toBe(false);
        expect(text.includes(process.cwd()), `${file} contains the project's path`).toBe(false);
        expect(text.includes(build.outDir), `${file} contains the output folder's path`).toBe(false);
      }
    }
  });
});
