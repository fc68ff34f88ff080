import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ingest } from '../../packages/cited-explainer/ingest/ingest.ts';
import { withDataLines } from '../../packages/cited-explainer/lib/located-loader.ts';
import { actorSchema } from '../../packages/cited-explainer/schemas/actor.ts';
import { escapeRegExp } from '../helpers/content-check.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/**
 * The mistakes a new author made in a first site of their own (issue 23), each through the code
 * the build and the ingest run: each gives one error, at the right file, line and column, with
 * what to do, and no stack trace. (Reviewed exceptions in data files:
 * tests/content-model/cited-fields.test.ts; .md and .mdx positions: tests/bad-inputs/.)
 */

const actor = (body: string) => `kind: person\nname: Per Olav Vik\n${body}role: "Mayor."\ndescription: "Said so."\n`;

/**
 * One YAML data file through the build's loader wrapper (withDataLines), read as Astro's glob
 * loader reads it: a file that does not parse fails with Astro's error, which names the file in `loc`.
 */
async function loadDataFile(text: string): Promise<string | undefined> {
  const file = join(tempDir('new-author-'), 'per-olav-vik.yaml');
  writeFileSync(file, text);
  const globLike: Loader = {
    name: 'glob-like',
    load: async ({ parseData }) => {
      let data: Record<string, unknown>;
      try {
        data = parse(text) as Record<string, unknown>;
      } catch {
        throw Object.assign(new Error(`${file} failed to parse`), { loc: { file } });
      }
      await parseData({ id: 'per-olav-vik', data, filePath: file });
    },
  };
  const context = { parseData: async ({ data }: { data: unknown }) => data } as unknown as LoaderContext;
  try {
    await withDataLines(globLike, actorSchema).load(context);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(relative(process.cwd(), file), 'per-olav-vik.yaml');
  }
}

/** One error: a first line "where: what", at most a line of what to do, and no stack frame. */
function expectOneError(message: string | undefined, where: RegExp) {
  expect(message).toBeDefined();
  const lines = message!.split('\n');
  expect(lines[0]).toMatch(where);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(message).not.toMatch(/^\s+at /m);
}

describe('a new author’s mistakes each give one error at the right place', () => {
  it('a list item indented one space too far, which YAML merges into the name before it', async () => {
    const message = await loadDataFile(actor('altNames:\n  - Per Vik\n   - P. Vik\n'));
    expectOneError(message, /^per-olav-vik\.yaml:4: field "altNames\.0": reads as two names joined by " - "/);
    expect(message).toContain('put each other name on its own "- " line under "altNames:"');
  });

  it('a list item under a one-line name, which YAML merges into the name', async () => {
    const message = await loadDataFile('kind: person\nname: Per Olav Vik\n  - P. Vik\nrole: "Mayor."\ndescription: "Said so."\n');
    expectOneError(message, /^per-olav-vik\.yaml:2: field "name": reads as two names joined by " - "/);
  });

  it('a key indented more than the keys around it: the line to fix and how', async () => {
    const message = await loadDataFile('kind: person\nname: Per Olav Vik\n role: "Mayor."\ndescription: "Said so."\n');
    expectOneError(message, /^per-olav-vik\.yaml:3:2: this line is indented differently from the keys around it/);
    expect(message).toContain('Start every key at the same column');
  });

  it('a tab for indentation', async () => {
    const message = await loadDataFile('kind: person\nname: Per Olav Vik\naltNames:\n\t- P. Vik\nrole: "Mayor."\ndescription: "Said so."\n');
    expectOneError(message, /^per-olav-vik\.yaml:4:1: a tab indents this line/);
  });

  it('a provenance value outside its list, with the allowed values listed (ingest)', () => {
    const content = tempDir('new-author-content-');
    cpSync('tests/fixtures/bad/ingest/content', content, { recursive: true });
    const inputs = tempDir('new-author-inputs-');
    cpSync('tests/fixtures/bad/ingest/inputs/good.txt', join(inputs, 'good.txt'));
    const records = (JSON.parse(readFileSync('tests/fixtures/bad/ingest/inputs/provenance.json', 'utf8')) as Array<{ file: string; url_confidence: string; url: string | null }>).filter(
      (record) => record.file === 'good.txt',
    );
    const run = (urlConfidence: string, url: string | null) => {
      writeFileSync(
        join(inputs, 'provenance.json'),
        JSON.stringify(
          records.map((record) => ({ ...record, url, url_confidence: urlConfidence })),
          null,
          1,
        ),
      );
      try {
        ingest({ contentDir: content, files: [join(inputs, 'good.txt')], archived: '2024-06-01' });
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    };
    const provenance = join(inputs, 'provenance.json');
    const message = run('sure', null);
    const line =
      readFileSync(provenance, 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('"url_confidence"')) + 1;
    expectOneError(
      message,
      new RegExp(`^${escapeRegExp(provenance)}:${line}:\\d+: record 0\\.url_confidence: must start with one of "as published", "found in an archived copy", "inferred", "unknown", "none"`),
    );
    expectOneError(run('none', 'https://example.org/a'), /: record 0\.url_confidence: "none" does not fit a record with a "url": use one of "as published", "found in an archived copy", "inferred"$/);
    expect(run('none: transcribed from the printed copy', null)).toBeUndefined();
  });
});
