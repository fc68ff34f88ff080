import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageName } from '../../packages/cited-explainer/cli/init.ts';
import { run } from '../../packages/cited-explainer/cli/run.ts';

/** The CLI in process: what it prints and the exit code it gives. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch = mkdtempSync(join(tmpdir(), 'cited-explainer-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('cited-explainer', () => {
  it('lists its commands, and each command has its --help', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['init', 'ingest', 'check']) {
      expect(help.out).toMatch(new RegExp(`^  ${command} `, 'm'));
      const own = await cli(command, '--help');
      expect(own.code).toBe(0);
      expect(own.out).toMatch(new RegExp(`^Usage: cited-explainer ${command}`));
    }
    expect((await cli('ingest', '--help')).out).toMatch(/--content <dir>/);
  });

  it.each([
    [['frob'], 'cited-explainer: unknown command "frob"; the commands are init, ingest, check (cited-explainer --help)'],
    [['init'], 'cited-explainer init: no folder given: cited-explainer init <dir> (cited-explainer init --help)'],
    [['check', '--bogus'], "cited-explainer check: Unknown option '--bogus' (cited-explainer check --help)"],
    [['ingest', '--archived', '2024-02-30', 'x.txt'], 'cited-explainer ingest: --archived "2024-02-30": not a real calendar date (cited-explainer ingest --help)'],
    [['check', '--root', '/nonexistent/folder'], 'cited-explainer check: /nonexistent/folder: no such folder'],
  ])('%j fails with one line and no stack trace', async (args, line) => {
    const result = await cli(...args);
    expect(result.code).toBe(1);
    expect(result.err).toBe(line);
  });

  it('init refuses a folder that is not empty, and leaves it as it was', async () => {
    const dir = join(scratch, 'taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const result = await cli('init', dir);
    expect(result.err).toBe(`cited-explainer init: ${dir} is not empty: give a new or an empty folder (cited-explainer init --help)`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(readdirSync(scratch).filter((name) => name.includes('-init-'))).toEqual([]);
  });

  it('init makes a project with one of each kind of content, its source archived by ingest', async () => {
    const dir = join(scratch, 'My Explainer');
    const result = await cli('init', dir);
    expect(result.code, result.err).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'my-explainer', type: 'module', engines: { node: '>=22.12.0' } });
    expect(Object.keys(manifest.scripts).sort()).toEqual(['build', 'check', 'dev', 'ingest', 'preview', 'test']);
    for (const folder of ['pages', 'sources', 'raw', 'actors', 'glossary', 'incidents']) expect(readdirSync(join(dir, 'content', folder)).length, folder).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'content/sources/gettysburg-address-bliss-copy.md'), 'utf8')).toMatch(/^---\nid: gettysburg-address-bliss-copy\n/);
    expect(readdirSync(dir)).toContain('.gitignore');
  });

  it('names the package after the folder, as npm allows', () => {
    expect(packageName('My Explainer!')).toBe('my-explainer');
    expect(packageName('...')).toBe('my-explainer');
  });
});
