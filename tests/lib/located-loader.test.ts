import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyWithFileLines, dataAsWritten, failingOnLoggedErrors, optionalFolder, withDataLines } from '../../packages/cited-explainer/lib/located-loader.ts';
import { pageSchema } from '../../packages/cited-explainer/schemas/page.ts';
import { tempDir } from '../helpers/temp-dir.ts';

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

describe('bodyWithFileLines', () => {
  it("blanks the front matter, keeping its lines, so that the body's lines are the file's", () => {
    const body = bodyWithFileLines(page('2024-06-01'));
    expect(body.split('\n')).toHaveLength(7);
    expect(body.split('\n')[6]).toBe('Text.');
    expect(body.slice(0, body.lastIndexOf('\n'))).toMatch(/^[ \n]*$/);
  });
});

describe('failingOnLoggedErrors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'failing-loader-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * A loader doing what Astro's glob loader does with a Markdown page: it renders the page with the
   * entry type's render function and, if that throws, only logs and stores the entry anyway.
   */
  function globLike(files: Record<string, string>): Loader {
    return {
      name: 'glob-like',
      load: async (context) => {
        const { entryTypes, logger, store, parseData } = context as LoaderContext & { entryTypes: Map<string, ContentEntryType> };
        const render = await entryTypes.get('.md')!.getRenderFunction!({} as never);
        for (const [id, text] of Object.entries(files)) {
          const filePath = join(dir, `${id}.md`);
          writeFileSync(filePath, text);
          const data = await parseData({ id, data: {}, filePath });
          try {
            await render({ id, data, body: text.trim(), filePath, collection: 'pages' } as never);
          } catch (error) {
            logger.error(`Error rendering ${id}.md: ${(error as Error).message}`);
          }
          store.set({ id, data });
        }
      },
    };
  }

  /** Loads the files through the wrapper with a renderer that refuses a line saying "wrong", naming its line. */
  async function load(files: Record<string, string>, parseData = async ({ data }: { id: string; data: unknown }) => data) {
    const stored = new Map<string, unknown>();
    const logged: string[] = [];
    const markdown: ContentEntryType = {
      extensions: ['.md'],
      getEntryInfo: () => ({ data: {}, body: '', slug: '', rawData: '' }),
      getRenderFunction: async () => async (entry) => {
        const line = (entry.body ?? '').split('\n').findIndex((text) => text.includes('wrong')) + 1;
        if (line > 0) throw new Error(`${entry.id}.md:${line}: wrong`);
        return { html: entry.body ?? '' };
      },
    };
    const context = {
      collection: 'pages',
      entryTypes: new Map([['.md', markdown]]),
      logger: { error: (message: string) => logged.push(message) },
      store: { set: ({ id, data }: { id: string; data: unknown }) => stored.set(id, data), delete: (id: string) => stored.delete(id) },
      parseData,
    } as unknown as LoaderContext;
    const outcome = await failingOnLoggedErrors(globLike(files))
      .load(context)
      .then(
        () => 'loaded',
        (error: Error) => error.message,
      );
    return { outcome, stored: [...stored.keys()], logged };
  }

  it('stops the load with a rendering error the loader would only log, counting lines from the top of the file', async () => {
    const run = await load({ good: page('2024-06-01'), bad: `${page('2024-06-01')}\n\nA wrong line.\n` });
    expect(run.outcome).toBe('bad.md:9: wrong');
    expect(run.logged).toEqual([]);
    // The failed page leaves the store, so that a cached store cannot publish it unchecked.
    expect(run.stored).toEqual(['good']);
  });

  it('gives every failed page, each on its own line, and goes on loading the others', async () => {
    const run = await load({ a: 'wrong', b: 'fine', c: 'x\nwrong' });
    expect(run.outcome).toBe('a.md:1: wrong\nc.md:2: wrong');
    expect(run.stored).toEqual(['b']);
  });

  it("keeps a refused entry's data error with the others", async () => {
    const parseData = async ({ id, data }: { id: string; data: unknown }) => {
      if (id === 'a') throw new Error('a.md:2: field "updated": not a real calendar date');
      return data;
    };
    const run = await load({ a: 'fine', b: 'wrong' }, parseData);
    expect(run.outcome).toBe('a.md:2: field "updated": not a real calendar date\nb.md:1: wrong');
  });

  it('turns any other error the loader logs into a failure naming the collection', async () => {
    const logging: Loader = { name: 'logs', load: async ({ logger }) => logger.error('Error reading x.md: EACCES') };
    const context = { collection: 'pages', logger: { error: () => {} }, store: { delete: () => {} }, parseData: async () => ({}) } as unknown as LoaderContext;
    await expect(failingOnLoggedErrors(logging).load(context)).rejects.toThrow('pages: Error reading x.md: EACCES');
  });
});

describe('optionalFolder', () => {
  /** What reaches the log when the glob loader of `folder` warns as Astro's does, and of a duplicate. */
  async function warningsFor(folder: string) {
    const warned: string[] = [];
    const inner: Loader = {
      name: 'fake',
      load: async ({ logger }) => {
        logger.warn(`The base directory "${folder}/" does not exist.`);
        logger.warn('No files found matching "**/*.json" in directory "content/actors"');
        logger.warn('Duplicate id "baku" found in content/glossary/baku.yaml');
      },
    };
    const logger = { warn: (message: string) => warned.push(message) };
    await optionalFolder(inner, folder).load({ logger } as unknown as LoaderContext);
    return warned;
  }

  it("drops the glob loader's warnings about a missing or empty folder, and passes every other message", async () => {
    const dir = tempDir('optional-folder-');
    expect(await warningsFor(join(dir, 'missing'))).toEqual(['Duplicate id "baku" found in content/glossary/baku.yaml']);
    mkdirSync(join(dir, 'empty', 'sub'), { recursive: true });
    expect(await warningsFor(join(dir, 'empty'))).toEqual(['Duplicate id "baku" found in content/glossary/baku.yaml']);
  });

  it('passes "no files found" when the folder holds files, none of them of the collection\'s kind', async () => {
    const dir = tempDir('optional-folder-');
    writeFileSync(join(dir, 'baku.md'), 'name: Baku\n');
    expect(await warningsFor(dir)).toEqual(['No files found matching "**/*.json" in directory "content/actors"', 'Duplicate id "baku" found in content/glossary/baku.yaml']);
  });
});
