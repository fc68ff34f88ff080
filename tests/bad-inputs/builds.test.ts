import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxRawBytes } from '../../packages/cited-explainer/ingest/decode.ts';
import { buildSite, freshOutDir } from '../helpers/build-site.ts';
import { errorMismatch, escapeRegExp, expectedError, fixtureVariant, raisedOnlyByBuild } from '../helpers/content-check.ts';
import { fileHashes } from '../helpers/site.ts';

/**
 * Broken inputs through a real build: the build fails, the message names the file and, where a
 * line applies, the line, and nothing is left behind: no output folder is written and no content
 * file changes. Every case of tests/fixtures/bad/ is checked in process with the build's own code
 * (tests/bad-inputs/content.test.ts); these builds are the end-to-end smoke tests: the cases only a
 * build can raise, and one whose check runs inside Astro's content layer. (A wrong quote through a
 * real MDX build or a Markdown one: "every refusal of a page" below, whose wrong quote is checked to the column.)
 *
 * tests/fixtures/bad/<case>/ is a tiny content folder with one mistake, and expected-error.json:
 * { file (relative to the case folder), line (a number, a list of accepted lines, or null), message }.
 */
const badDir = 'tests/fixtures/bad';
const built = [...raisedOnlyByBuild.keys(), 'archive-hash-changed'].sort();

describe('a broken content folder fails the build with file and line, and writes nothing', () => {
  it.each(built)('%s', (name) => {
    const dir = join(badDir, name);
    const expected = expectedError(dir);
    const before = fileHashes(dir);
    const outDir = join(freshOutDir('bad-'), 'dist');
    const build = buildSite(dir, { outDir });
    try {
      expect(build.ok, 'the build must fail').toBe(false);
      expect(errorMismatch(dir, expected, build.output), build.output).toEqual([]);
      // No partial output: the output folder was never written (or left empty).
      expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
      expect(fileHashes(dir)).toEqual(before);
    } finally {
      rmSync(resolve(outDir, '..'), { recursive: true, force: true });
    }
  });
});

describe('ingest refuses a bad raw article, naming it, and leaves content/ byte for byte as it was', () => {
  const fixture = join(badDir, 'ingest');

  /** Runs the ingest CLI on a fresh copy of the fixture's content folder. */
  function ingestInto(file: string, extra: string[] = []) {
    const work = mkdtempSync(join(tmpdir(), 'ingest-bad-'));
    const content = join(work, 'content');
    const inputs = join(work, 'inputs');
    cpSync(join(fixture, 'content'), content, { recursive: true });
    cpSync(join(fixture, 'inputs'), inputs, { recursive: true });
    // Too big to keep in git: written here, one byte over the limit.
    writeFileSync(join(inputs, 'oversized.txt'), `Bridges reopen in River Town\n\n${'The river rose. '.repeat(maxRawBytes / 16)}`);
    const before = fileHashes(content);
    const input = join(inputs, file);
    const result = spawnSync(resolve('node_modules/.bin/node'), ['packages/cited-explainer/cli/main.ts', 'ingest', '--content', content, '--archived', '2024-06-01', ...extra, input], {
      encoding: 'utf8',
    });
    const after = fileHashes(content);
    rmSync(work, { recursive: true, force: true });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}`, input, before, after };
  }

  it.each([
    ['empty.txt', 'the file is empty'],
    ['binary.txt', 'the file is binary (NUL byte at offset'],
    ['invalid-utf8.txt', 'the file is not valid UTF-8 (first bad byte at offset'],
    ['oversized.txt', `bytes, over the ${maxRawBytes}-byte limit for one article`],
    ['existing-id.txt', 'source "town-news-flood-day-two" is already archived'],
  ])('%s: "%s"', (file, message) => {
    const run = ingestInto(file);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(new RegExp(`^cited-explainer ingest: ${escapeRegExp(run.input)}: .*${escapeRegExp(message)}`, 'm'));
    expect(run.after).toEqual(run.before);
  });

  it('a good article is ingested into the same copy (so the checks above can see a change)', () => {
    const run = ingestInto('good.txt');
    expect(run.status, run.output).toBe(0);
    expect(Object.keys(run.after)).toContain('sources/town-news-good.md');
    expect(run.after).not.toEqual(run.before);
  });

  it('an existing id is replaced with --force', () => {
    const run = ingestInto('existing-id.txt', ['--force']);
    expect(run.status, run.output).toBe(0);
  });
});

describe("Astro's own refusals read as ours: one line, file:line:column first", () => {
  it('a YAML tag in front matter names the line', () => {
    const { dir } = fixtureVariant((page) => page.replace('title: The River Town flood', 'title: !!js/undefined x'));
    const outDir = join(freshOutDir('yaml-tag-'), 'dist');
    try {
      const build = buildSite(dir, { outDir });
      expect(build.ok).toBe(false);
      expect(build.output).toMatch(new RegExp(`^${escapeRegExp(relative(process.cwd(), join(dir, 'pages', 'index.mdx')))}:2:\\d+: unknown tag`, 'm'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(resolve(outDir, '..'), { recursive: true, force: true });
    }
  });
});
