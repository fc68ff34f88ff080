import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { fixtureVariant, lineOf } from '../helpers/content-check.ts';
import { fileHashes } from '../helpers/site.ts';

/**
 * Content is data and no path leaves the project, through real builds: what only a build can show.
 * An expression wrapped in comments would run a shell command while the page is prerendered: the
 * build must refuse it before any code runs (the command leaves no file). A link under content/ is
 * refused by name before it is read: a raw file linked to a system file shows nothing of it.
 * (Every other case of these refusals is a unit test: tests/citations/mdx-allow-list*.test.ts,
 * tests/lib/inside-folder.test.ts.)
 */

const removed: string[] = [];
afterAll(() => {
  for (const dir of removed) rmSync(dir, { recursive: true, force: true });
});

/** Builds a variant of the fixture explainer and checks it failed, wrote nothing and left its content folder as it was. */
function failedBuild(dir: string) {
  const before = fileHashes(dir);
  const build = buildSite(dir);
  removed.push(dir, build.outDir, `${build.outDir}-root`);
  expect(build.ok, build.output).toBe(false);
  expect(existsSync(build.outDir) ? readdirSync(build.outDir) : []).toEqual([]);
  expect(fileHashes(dir)).toEqual(before);
  return build.output;
}

describe('content never runs as code, and no link is followed out of the project (real builds)', () => {
  it('an expression wrapped in comments is refused before it can run', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'marker-')), 'content-ran-code');
    removed.push(resolve(marker, '..'));
    const attack = `{/**/ globalThis.process.getBuiltinModule("node:child_process").execSync("touch ${marker}") /**/}`;
    const { dir, page, text } = fixtureVariant((page) => `${page}\n${attack}\n`);
    const output = failedBuild(dir);
    expect(output).toContain(`${page}:${lineOf(text, attack)}:1: an expression {/**/ globalThis.process.getBuiltinModule} is not allowed in content: content is data, never code`);
    expect(existsSync(marker), 'the shell command ran').toBe(false);
  });

  it('a raw file linked to a system file is refused by name, and nothing of the file is shown', () => {
    const { dir } = fixtureVariant((page) => page);
    const raw = join(dir, 'raw', readdirSync(join(dir, 'raw')).find((name) => name.endsWith('.txt'))!);
    rmSync(raw);
    symlinkSync('/etc/passwd', raw);
    const output = failedBuild(dir);
    expect(output).toContain(`${relative(process.cwd(), raw)}: is a symbolic link (to /etc/passwd): the site is built only from files inside its folders, never through a link`);
    expect(output).not.toContain(readFileSync('/etc/passwd', 'utf8').split('\n')[0]);
  });

  it('a page that links to a Markdown file outside the project is refused by name', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    removed.push(outside);
    writeFileSync(join(outside, 'elsewhere.md'), '---\ntitle: Elsewhere\ndescription: Not in the project.\nupdated: 2024-06-01\nkind: editorial\n---\n\nOUTSIDE TEXT\n');
    const { dir } = fixtureVariant((page) => page);
    const link = join(dir, 'pages', 'elsewhere.md');
    symlinkSync(join(outside, 'elsewhere.md'), link);
    expect(failedBuild(dir)).toContain(`${relative(process.cwd(), link)}: is a symbolic link (to ${join(outside, 'elsewhere.md')})`);
  });
});
