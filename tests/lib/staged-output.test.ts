import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stageOutput } from '../../packages/cited-explainer/lib/staged-output.ts';

describe('staged output', () => {
  const root = mkdtempSync(join(tmpdir(), 'staged-output-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  /** An output folder holding a previous site. */
  function previousSite(): string {
    const outDir = join(root, `case-${n++}`, 'dist');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), 'previous');
    return outDir;
  }

  it('builds beside the output folder and replaces it only when published', () => {
    const outDir = previousSite();
    const staged = stageOutput(outDir);
    expect(staged.site).toBe(join(outDir, '..', '.dist.building', 'site'));
    writeFileSync(join(staged.site, 'index.html'), 'new');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous');
    staged.publish();
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(join(outDir, '..'))).toEqual(['dist']);
  });

  it('a discarded build leaves the previous site as it was, and nothing beside it', () => {
    const outDir = previousSite();
    const staged = stageOutput(outDir);
    mkdirSync(join(staged.site, '.prerender'));
    writeFileSync(join(staged.site, 'index.html'), 'half');
    staged.discard();
    expect(readdirSync(outDir)).toEqual(['index.html']);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous');
    expect(readdirSync(join(outDir, '..'))).toEqual(['dist']);
  });

  it('publishes where there was no site before', () => {
    const outDir = join(root, `case-${n++}`, 'dist');
    const staged = stageOutput(outDir);
    writeFileSync(join(staged.site, 'index.html'), 'new');
    staged.publish();
    expect(readdirSync(outDir)).toEqual(['index.html']);
  });

  it('refuses a second build into the same folder while the first runs, in one line', async () => {
    const outDir = previousSite();
    const building = join(outDir, '..', '.dist.building');
    mkdirSync(building);
    // A live process other than this one holds it.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(building, 'owner'), String(other.pid));
      expect(() => stageOutput(outDir)).toThrow(`outDir ${relative(process.cwd(), outDir)}: another build (process ${other.pid}) is writing it; wait for it to finish`);
      expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous');
    } finally {
      other.kill();
    }
  });

  it('takes over from a build that died, clearing what it left', () => {
    const outDir = previousSite();
    const building = join(outDir, '..', '.dist.building');
    mkdirSync(join(building, 'site', '.prerender'), { recursive: true });
    // No process has this id (beyond the kernel's limit).
    writeFileSync(join(building, 'owner'), '4194305');
    const staged = stageOutput(outDir);
    expect(readdirSync(staged.site)).toEqual([]);
    staged.discard();
    expect(existsSync(building)).toBe(false);
  });
});
