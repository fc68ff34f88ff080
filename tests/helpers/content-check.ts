import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { VFile } from 'vfile';
import type { z } from 'zod';
import { archiveLoader } from '../../packages/cited-explainer/archive/loader.ts';
import { remarkCitations } from '../../packages/cited-explainer/citations/remark-citations.ts';
import { withDataLines } from '../../packages/cited-explainer/lib/located-loader.ts';
import { loadSiteConfig } from '../../packages/cited-explainer/lib/site-config.ts';
import { pageSchema } from '../../packages/cited-explainer/schemas/page.ts';
import { sourceMetaSchema } from '../../packages/cited-explainer/schemas/source.ts';
import { pageParser } from './page-parser.ts';
import { listFiles } from './site.ts';
import { fixtureSiteDir } from './site-global-setup.ts';

export { fixtureSiteDir };

/** Runs a loader as Astro's content layer would, with `schema` standing in for Astro's own parseData. */
async function runLoader(loader: Loader, schema: z.ZodType): Promise<unknown[]> {
  const entries: unknown[] = [];
  const context = {
    store: { clear: () => {}, set: () => true },
    parseData: async ({ data }: { data: unknown }) => {
      const parsed = await schema.parseAsync(data);
      entries.push(parsed);
      return parsed;
    },
  } as unknown as LoaderContext;
  await loader.load(context);
  return entries;
}

/** Astro's glob loader reduced to one MDX file: its front matter, read by Astro's own parser, handed to parseData. */
function oneMdxFile(filePath: string, frontmatter: Record<string, unknown>): Loader {
  return { name: 'one-file', load: async ({ parseData }) => void (await parseData({ id: 'page', data: frontmatter, filePath })) };
}

/**
 * The checks a build makes on a content folder's site.json, archive (sources/) and explainer
 * pages (pages/*.mdx), run in process with the build's own code in the build's order: the site
 * configuration, the archive loader, each page's front matter through the same schema wrapper,
 * then its citations through the remark plugin. Gives the message of the first error, or undefined
 * when the folder passes. (Errors raised by Astro itself, such as YAML its front-matter parser
 * cannot read, only a real build shows: see tests/bad-inputs/builds.test.ts.)
 */
export async function firstContentError(contentDir: string): Promise<string | undefined> {
  try {
    loadSiteConfig(contentDir);
    await runLoader(archiveLoader(join(contentDir, 'sources')), sourceMetaSchema);
    const pagesDir = join(contentDir, 'pages');
    const pages = existsSync(pagesDir) ? listFiles(pagesDir).filter((file) => /\.mdx?$/.test(file)) : [];
    for (const file of pages) {
      const path = join(pagesDir, file);
      const text = readFileSync(path, 'utf8');
      const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
      const [data] = await runLoader(withDataLines(oneMdxFile(path, frontmatter), pageSchema), pageSchema);
      const vfile = new VFile({ path, value: content, data: { astro: { frontmatter: data as Record<string, unknown> } } });
      // As the build parses each kind of page (page-parser.ts).
      const processor = pageParser(file).use(remarkCitations, { contentDir, base: '/' });
      await processor.run(processor.parse(vfile), vfile);
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Cases of tests/fixtures/bad/ whose error only a real build raises, so the in-process checks
 * above cannot see it; tests/bad-inputs/builds.test.ts builds each of them.
 */
export const raisedOnlyByBuild: ReadonlyMap<string, string> = new Map([
  ['malformed-front-matter', "js-yaml's error, raised inside Astro's own front-matter parser"],
  ['h2-generated-route', 'the route check runs in the build integration, against the routes Astro generates'],
]);

/** What a case of tests/fixtures/bad/ must fail with (its expected-error.json). */
export interface ExpectedError {
  /** Relative to the case folder. */
  file: string;
  /** The line, a list of accepted lines, or null where no line applies. */
  line: number | number[] | null;
  message: string;
}

export function expectedError(caseDir: string): ExpectedError {
  return JSON.parse(readFileSync(join(caseDir, 'expected-error.json'), 'utf8')) as ExpectedError;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Problems with an error output against a case's expectation: its message, and its file with one of its lines. */
export function errorMismatch(caseDir: string, expected: ExpectedError, output: string): string[] {
  const problems: string[] = [];
  if (!output.includes(expected.message)) problems.push(`the output does not say ${JSON.stringify(expected.message)}`);
  const file = join(caseDir, expected.file);
  const lines = expected.line === null ? [] : Array.isArray(expected.line) ? expected.line : [expected.line];
  const named = lines.length === 0 ? output.includes(file) : lines.some((line) => new RegExp(`${escapeRegExp(file)}:${line}\\b`).test(output));
  if (!named) problems.push(`the output does not name ${file}${lines.length ? `:${lines.join(' or :')}` : ''}`);
  return problems;
}

/**
 * A copy of the fixture explainer in a new temporary folder, with its page rewritten by `edit`:
 * the folder, the page's path as errors name it, and the page's new text. The caller removes it.
 */
export function fixtureVariant(edit: (page: string) => string): { dir: string; page: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fixture-'));
  cpSync(fixtureSiteDir, dir, { recursive: true });
  const page = join(dir, 'pages', 'index.mdx');
  const text = edit(readFileSync(page, 'utf8'));
  writeFileSync(page, text);
  return { dir, page: relative(process.cwd(), page), text };
}

/** The 1-based number of the first line containing `needle`. */
export const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
