import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, freshOutDir } from '../helpers/build-site.ts';
import { escapeRegExp, fixtureSiteDir, lineOf } from '../helpers/content-check.ts';

/**
 * Every refusal of a page, through real builds of both kinds of page: a Markdown page's errors
 * were only logged by Astro's content layer (the build exited 0 and published the page empty).
 * One copy of the fixture explainer holds one page per mistake; a build reports them all (the
 * content layer's pages loader gathers every page's refusals while loading, the bundler an MDX
 * page's while built), so two builds cover every case: the Markdown pages together with the MDX
 * pages refused while loading (the text itself), then the MDX pages refused while built (a build
 * stops after loading when a page is refused there, so those need a build of their own).
 */
describe('every refusal of a page fails a real build, in .md as in .mdx, with its file and line', () => {
  const quote = 'The northern bridge reopened on Tuesday';
  const cited = '[@town-news-flood-day-one: The river rose by two metres overnight]';
  /** Each mistake: how it changes the fixture page, and the line and message the build must give. */
  const mistakes: Array<{ name: string; edit: (page: string) => string; message: string; kinds?: Array<'md' | 'mdx'>; whileLoading?: boolean }> = [
    { name: 'wrong-quote', edit: (page) => page.replace(`${quote}]`, 'The northern bridge opened on Tuesday]'), message: 'quote not found in source "town-news-flood-day-two"' },
    { name: 'unknown-source', edit: (page) => `${page}\nThe river fell.[@no-such-source: The river fell]\n`, message: 'unknown source id "no-such-source"' },
    { name: 'uncited-claim', edit: (page) => `${page}\nThe council met on Wednesday.\n`, message: 'uncited claim: "The council met on Wednesday.' },
    { name: 'heading-citation', edit: (page) => page.replace('## Which bridges closed?', `## Which bridges closed?${cited}`), message: 'a citation is inside a heading' },
    { name: 'script', edit: (page) => `${page}\n<script>alert(1)</script>\n`, message: 'is not allowed in content' },
    { name: 'data-image', edit: (page) => `${page}\n![A map](data:image/png;base64,iVBORw0KGgo=)\n`, message: 'the address "data:image/png;base64,iVBORw0KGgo=" is not allowed' },
    // A colon before a digit starts a directive only where pages read directives: Markdown pages.
    { name: 'time', edit: (page) => `${page}\nThe river rose at 10:30.${cited}\n`, message: '":30" reads as a Markdown directive', kinds: ['md'] },
    { name: 'reserved-id', edit: (page) => page.replace('## Which bridges closed?', '## Main'), message: 'the heading "Main" would get the id "main"' },
    { name: 'deep-nesting', edit: (page) => `${page}\n${'>'.repeat(5000)} a\n`, message: 'content nested more than 100 levels deep' },
    { name: 'nul', edit: (page) => page.replace('The mayor said', 'The mayor\u0000 said'), message: 'U+0000 (NULL) is not allowed in content', whileLoading: true },
    { name: 'bidi-override', edit: (page) => page.replace('The mayor said', 'The mayor\u202e said'), message: 'U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in content', whileLoading: true },
    // Refused before the MDX compiler reads it: its time would double with each element (this one would never end).
    { name: 'open-elements', edit: (page) => `${page}\n{${'<b>'.repeat(40)}\n`, message: 'elements and {expressions} nested more than 16 deep, or left open', kinds: ['mdx'], whileLoading: true },
  ];
  const page = readFileSync(join(fixtureSiteDir, 'pages', 'index.mdx'), 'utf8');
  const folders: string[] = [];
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the fixture explainer whose pages are the given mistakes, one page each (in pages/<folder>/ when given). */
  function explainerWith(kinds: Array<{ kind: 'md' | 'mdx'; folder: string; cases: typeof mistakes }>): string {
    const dir = mkdtempSync(join(tmpdir(), 'refusals-'));
    folders.push(dir);
    cpSync(fixtureSiteDir, dir, { recursive: true });
    rmSync(join(dir, 'pages', 'index.mdx'));
    for (const { kind, folder, cases } of kinds) {
      mkdirSync(join(dir, 'pages', folder), { recursive: true });
      for (const { name, edit } of cases) writeFileSync(join(dir, 'pages', folder, `${name}.${kind}`), edit(page));
    }
    return dir;
  }

  /** The line each mistake's page must be refused at: the first line the mistake changed. */
  const changedLine = (edited: string) => edited.split('\n').findIndex((line, i) => line !== page.split('\n')[i]) + 1;

  const md = mistakes.filter(({ kinds }) => !kinds || kinds.includes('md'));
  const mdxWhileLoading = mistakes.filter(({ whileLoading }) => whileLoading);
  const mdxWhileBuilt = mistakes.filter(({ whileLoading, kinds }) => !whileLoading && (!kinds || kinds.includes('mdx')));
  // The MDX pages refused while loading sit in a folder of their own: nul.md and nul.mdx side by side would be one page id.
  it.each([
    [
      'md, and mdx refused while loading',
      [
        { kind: 'md', folder: '', cases: md },
        { kind: 'mdx', folder: 'loading', cases: mdxWhileLoading },
      ],
    ],
    ['mdx, refused while built', [{ kind: 'mdx', folder: '', cases: mdxWhileBuilt }]],
  ] as const)('%s', (_label, kinds) => {
    const dir = explainerWith([...kinds]);
    const outDir = join(freshOutDir('refusals-'), 'dist');
    folders.push(resolve(outDir, '..'));
    const build = buildSite(dir, { outDir });
    expect(build.ok, build.output).toBe(false);
    for (const { kind, folder, cases } of kinds) {
      for (const { name, edit, message } of cases) {
        const file = relative(process.cwd(), join(dir, 'pages', folder, `${name}.${kind}`));
        expect(build.output, `${name}.${kind}`).toMatch(new RegExp(`^${escapeRegExp(file)}:${changedLine(edit(page))}:\\d+: .*${escapeRegExp(message)}`, 'm'));
      }
      // A quote not in its source: the column is the citation's own, and the closest passage is offered.
      const wrongQuote = cases.find(({ name }) => name === 'wrong-quote');
      if (wrongQuote) {
        const text = wrongQuote.edit(page);
        const line = lineOf(text, 'opened on Tuesday');
        const column = text.split('\n')[line - 1].indexOf('[@town-news-flood-day-two') + 1;
        expect(build.output).toContain(`pages/${folder ? `${folder}/` : ''}wrong-quote.${kind}:${line}:${column}: quote not found in source "town-news-flood-day-two"`);
        expect(build.output).toContain(`Did you mean (paragraph p1): "${quote}"`);
      }
    }
    // Nothing published, nothing half-written beside it; the refusal is said once, with no stack.
    expect(readdirSync(resolve(outDir, '..')).filter((name) => name.includes('dist'))).toEqual([`${basename(outDir)}-root`]);
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(build.output).not.toContain('Error rendering');
  });
});
