import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorMismatch, escapeRegExp, expectedError, firstContentError, fixtureSiteDir, fixtureVariant, lineOf, raisedOnlyByBuild } from '../helpers/content-check.ts';

/**
 * Broken content, checked in process with the build's own code (tests/helpers/content-check.ts):
 * each folder of tests/fixtures/bad/ fails with its expected message, naming the file and, where a
 * line applies, the line. A few of them also go through a real build, which must fail the same
 * way and write nothing: tests/bad-inputs/builds.test.ts.
 *
 * tests/fixtures/bad/<case>/ is a tiny content folder with one mistake, and expected-error.json:
 * { file (relative to the case folder), line (a number, a list of accepted lines, or null), message }.
 */
const badDir = 'tests/fixtures/bad';
const cases = readdirSync(badDir)
  .filter((name) => existsSync(join(badDir, name, 'expected-error.json')))
  .sort();

describe('a broken content folder fails the checks with file and line', () => {
  it('has its cases, and the good fixture passes the same checks', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const name of raisedOnlyByBuild.keys()) expect(cases, 'raisedOnlyByBuild names existing cases').toContain(name);
    expect(await firstContentError(fixtureSiteDir)).toBeUndefined();
  });

  it.each(cases.filter((name) => !raisedOnlyByBuild.has(name)))('%s', async (name) => {
    const dir = join(badDir, name);
    const error = await firstContentError(dir);
    expect(error, `the in-process checks must fail (if only a build raises this error, list the case in raisedOnlyByBuild, tests/helpers/content-check.ts)`).toBeDefined();
    expect(errorMismatch(dir, expectedError(dir), error!), error).toEqual([]);
  });
});

describe('a broken citation in the fixture explainer', () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });
  const variant = (edit: (page: string) => string) => {
    const copy = fixtureVariant(edit);
    copies.push(copy.dir);
    return copy;
  };
  const quote = 'The northern bridge reopened on Tuesday';

  it('names the file, line and column of a quote not in the source, and suggests the passage', async () => {
    const { dir, page, text } = variant((page) => page.replace(`${quote}]`, 'The northern bridge opened on Tuesday]'));
    const line = lineOf(text, 'opened on Tuesday');
    const column = text.split('\n')[line - 1].indexOf('[@town-news-flood-day-two') + 1;
    const error = await firstContentError(dir);
    expect(error).toContain(`${page}:${line}:${column}: quote not found in source "town-news-flood-day-two"`);
    expect(error).toContain(`Did you mean (paragraph p1): "${quote}"`);
  });

  it('lists the known ids for an unknown source', async () => {
    const { dir, page } = variant((page) => page.replace('[@town-news-flood-day-two: The southern', '[@town-news-flod-day-two: The southern'));
    const error = await firstContentError(dir);
    expect(error).toMatch(new RegExp(`${escapeRegExp(page)}:\\d+:\\d+: unknown source id "town-news-flod-day-two"`));
    expect(error).toContain('Known ids, closest first: town-news-flood-day-two, town-news-flood-day-one');
  });

  it('lists the places an ambiguous quote matches', async () => {
    const { dir, page } = variant((page) => page.replace('[@town-news-flood-day-one: The river rose by two metres overnight]', '[@town-news-flood-day-one: relatively stable]'));
    const error = await firstContentError(dir);
    expect(error).toMatch(new RegExp(`${escapeRegExp(page)}:7:\\d+: quote matches 2 places in source "town-news-flood-day-one": "relatively stable"`));
    expect(error).toMatch(/paragraph p3 at \d+-\d+; paragraph p4 at \d+-\d+/);
  });
});
