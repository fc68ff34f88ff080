import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { dataAsWritten, withDataLines } from '../../packages/cited-explainer/lib/located-loader.ts';
import { pageSchema } from '../../packages/cited-explainer/schemas/page.ts';

const page = (updated: string) => ['---', 'title: Background', 'description: Why.', `updated: ${updated}`, '---', '', 'Text.'].join('\n');

describe('dataAsWritten', () => {
  it('reads front matter and YAML as YAML 1.2: an impossible date stays a string', () => {
    expect(dataAsWritten('a.mdx', page('2022-02-30'), {})).toEqual({ title: 'Background', description: 'Why.', updated: '2022-02-30' });
    expect(dataAsWritten('a.yaml', 'name: Baku\nupdated: 2022-02-30\n', {})).toEqual({ name: 'Baku', updated: '2022-02-30' });
  });

  it('gives no front matter as no data', () => {
    expect(dataAsWritten('a.mdx', 'Text.', { loaded: true })).toEqual({});
  });

  it('keeps the loaded data for JSON and for YAML that does not parse', () => {
    const loaded = { loaded: true };
    expect(dataAsWritten('a.json', '{"name": "x"}', loaded)).toBe(loaded);
    expect(dataAsWritten('a.mdx', '---\ntitle: [Bad\nupdated: 2024-06-01\n---\n', loaded)).toBe(loaded);
  });
});

describe('withDataLines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'located-loader-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const filePath = join(dir, 'index.mdx');

  /** Runs the wrapped loader on one file, with `data` as Astro's loader read it; gives what reached Astro's parseData. */
  async function load(text: string, data: Record<string, unknown>) {
    writeFileSync(filePath, text);
    const handedOver: unknown[] = [];
    const inner: Loader = { name: 'fake', load: async ({ parseData }) => void handedOver.push(await parseData({ id: 'index', data, filePath })) };
    const context = { parseData: async ({ data }: { data: unknown }) => data } as unknown as LoaderContext;
    await withDataLines(inner, pageSchema).load(context);
    return handedOver;
  }

  it('refuses an impossible date as written, naming the file and line, though js-yaml rolled it over to 2 March', async () => {
    const rolledOver = { title: 'Background', description: 'Why.', updated: new Date('2022-03-02T00:00:00Z') };
    await expect(load(page('2022-02-30'), rolledOver)).rejects.toThrow(`${relative(process.cwd(), filePath)}:4: field "updated": not a real calendar date`);
  });

  it('hands a valid entry over to Astro unchanged', async () => {
    const loaded = { title: 'Background', description: 'Why.', updated: new Date('2022-02-28T00:00:00Z') };
    expect(await load(page('2022-02-28'), loaded)).toEqual([loaded]);
  });
});
