import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { navDirective, noteDirective, noteSyntax } from '../../packages/cited-explainer/citations/site-note.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { type Processor, processors, renderPage } from './citation-processors.ts';

/**
 * Cited pages may be Markdown (.md) or MDX, built by the remark or the Sätteri processor: the
 * citation engine must read them all alike. Every page is run through each processor in both
 * formats, as Astro runs them (GFM on), and must give the same HTML, ledger and notes, or fail with
 * the same message (file names aside). Between processors, whitespace between tags and the
 * spelling of a quotation mark in an attribute may differ.
 */

type Outcome = { html: string; frontmatter: unknown } | { error: string };

function run(processor: Processor, format: 'md' | 'mdx', contentDir: string, page: string, text: string, index?: QuoteIndex): Outcome {
  // Astro parses the front matter before the processor runs: blank it out, keeping line numbers.
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? '';
  const kind = /^kind:\s*editorial\s*$/m.test(frontmatter) ? 'editorial' : 'claims';
  try {
    const path = join(contentDir, 'pages', `${page}.${format}`);
    const rendered = renderPage(processor, { path, text: frontmatter.replace(/[^\n]/g, '') + text.slice(frontmatter.length), contentDir, index, frontmatter: { kind } });
    // Serialisers differ in whitespace between tags, and in how they spell a quotation mark in an attribute.
    return { html: rendered.html.replace(/>\s+</g, '><').replaceAll('&#x22;', '&quot;').trim(), frontmatter: rendered.frontmatter };
  } catch (error) {
    // The file name, and the note syntax a hint names, are the only differences allowed.
    return {
      error: String(error)
        .replaceAll(`${page}.${format}`, `${page}.<ext>`)
        .replaceAll(noteSyntax(`.${format}`), noteSyntax('.mdx')),
    };
  }
}

const expectSameOnAllPaths = (contentDir: string, page: string, text: string, index?: QuoteIndex) => {
  const mdx = run('remark', 'mdx', contentDir, page, text, index);
  for (const processor of processors) {
    for (const format of ['md', 'mdx'] as const) expect(run(processor, format, contentDir, page, text, index), `${processor} ${format}`).toEqual(mdx);
  }
  return mdx;
};

const fixtures = resolve('tests/fixtures');
/** Every fixture page written in plain Markdown (no JSX, no expressions), with its content folder. */
const markdownPages = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
  .filter((file) => /(^|\/)pages\/.*\.mdx$/.test(file))
  .map((file) => ({ file, contentDir: join(fixtures, file.slice(0, file.lastIndexOf('pages/'))), text: readFileSync(join(fixtures, file), 'utf8') }))
  .filter(({ text }) => !/[<{]/.test(text.replace(/^---\n[\s\S]*?\n---\n/, '')));

/**
 * Every page, of the fixtures and of the real site, whose only JSX is <Note> and <nav aria-label>,
 * with its twin in the other format: <Note> lines become :::note, <nav aria-label="X"> lines
 * :::nav[X], and their closing lines ::: (and back), on the same lines.
 */
/** An MDX page's line opening navigation (m: any line of a page), and every such line (g, for replacing). */
const navOpening = /^<nav aria-label="([^"]*)">$/m;
const navOpenings = new RegExp(navOpening.source, 'gm');
const toMarkdown = (mdx: string) =>
  mdx
    .replace(/^<Note>$/gm, `:::${noteDirective}`)
    .replace(navOpenings, `:::${navDirective}[$1]`)
    .replace(/^<\/(Note|nav)>$/gm, ':::');
const toMdx = (md: string) => {
  const open: string[] = [];
  const navLine = new RegExp(`^:::${navDirective}\\[(.*)\\]$`);
  return md
    .split('\n')
    .map((line) => {
      const nav = navLine.exec(line);
      if (line === `:::${noteDirective}`) {
        open.push('Note');
        return '<Note>';
      }
      if (nav) {
        open.push('nav');
        return `<nav aria-label="${nav[1]}">`;
      }
      return line === ':::' ? `</${open.pop()}>` : line;
    })
    .join('\n');
};
const notePages = [fixtures, resolve('content')]
  .flatMap((root) => readdirSync(root, { recursive: true, encoding: 'utf8' }).map((file) => ({ root, file })))
  .filter(({ file }) => /(^|\/)pages\/.*\.mdx?$/.test(file))
  .map(({ root, file }) => {
    const text = readFileSync(join(root, file), 'utf8');
    const mdx = file.endsWith('.mdx') ? text : toMdx(text);
    return { file: join(root, file), contentDir: join(root, file.slice(0, file.lastIndexOf('pages/'))), page: file.slice(file.lastIndexOf('pages/') + 'pages/'.length).replace(/\.mdx?$/, ''), mdx };
  })
  .filter(
    ({ mdx }) =>
      /^<Note>$/m.test(mdx) &&
      !/[<{]/.test(
        mdx
          .replace(/^---\n[\s\S]*?\n---\n/, '')
          .replace(/^<\/?(Note|nav)>$/gm, '')
          .replace(navOpenings, ''),
      ),
  );

describe('the .md path', () => {
  it('finds fixture pages to compare', () => {
    expect(markdownPages.length).toBeGreaterThan(5);
  });

  it.each(markdownPages.map((page) => [page.file, page] as const))('%s: same HTML, ledger and errors on every path', (_, { file, contentDir, text }) => {
    expectSameOnAllPaths(contentDir, file.slice(file.lastIndexOf('pages/') + 'pages/'.length).replace(/\.mdx$/, ''), text);
  });

  it('finds pages with notes to compare, among them real pages written as Markdown, one with navigation', () => {
    expect(notePages.length).toBeGreaterThan(1);
    expect(notePages.some(({ file }) => file.endsWith('.md'))).toBe(true);
    expect(notePages.some(({ file, mdx }) => file.endsWith('.md') && navOpening.test(mdx))).toBe(true);
  });

  it.each(notePages.map((page) => [relative(process.cwd(), page.file), page] as const))(
    '%s: :::note and :::nav in Markdown give what <Note> and <nav> give in MDX, on every path',
    (_, { contentDir, page, mdx }) => {
      const expected = run('satteri', 'mdx', contentDir, page, mdx);
      expect(expected).toHaveProperty('html');
      // This file's remark path compiles no MDX element but <Note> (it has no JSX runtime, and
      // prints <nav> as a div): a page with navigation is compared with Sätteri's MDX, as built.
      const withNav = navOpening.test(mdx);
      for (const processor of processors) {
        if (processor === 'satteri' || !withNav) expect(run(processor, 'mdx', contentDir, page, mdx), `${processor} mdx`).toEqual(expected);
        expect(run(processor, 'md', contentDir, page, toMarkdown(mdx)), `${processor} md`).toEqual(expected);
      }
    },
  );

  const index = new QuoteIndex([
    archivedSource('river-report', [
      'The mayor said two bridges were closed.',
      'The council said the water was stable.',
      'Politically it matters for the mayor, who pledged that he would “force” a vote.',
    ]),
    archivedSource('river-later', ['Both bridges reopened on Tuesday.']),
    archivedSource('river-copy', ['The mayor called for “a total reopening” of the bridges.'], { publisher: 'Copy Times', reworded: true }),
  ]);
  // One input per rule and error of the engine: each must fail, and fail alike on every path.
  const failing: Array<[string, string, RegExp]> = [
    ['quote not found', 'The mayor said a bridge closed.[@river-report: three bridges were closed]', /quote not found/],
    ['unknown source', 'The mayor said so.[@river-rapport: two bridges were closed]', /river-rapport/],
    ['uncited claim', 'The mayor said two bridges closed.[@river-report: two bridges were closed]\n\nAn uncited paragraph.', /citation/],
    ['quote-length', 'Both bridges reopened.[@river-later: bridges reopened]', /\[quote-length\]/],
    ['attribution', 'Two bridges were closed.[@river-report: two bridges were closed]', /\[attribution\]/],
    ['quoted-words', 'The mayor said "three bridges" closed.[@river-report: two bridges were closed]', /\[quoted-words\]/],
    ['speaker-statement', 'Two bridges were closed.[@river-report (mayor): two bridges were closed]', /\[speaker-statement\]/],
    [
      'quoted-in-source',
      'The mayor said "two bridges were closed".[@river-report: two bridges were closed]',
      /\[quoted-in-source\] the words in quotation marks "two bridges were closed" are not in quotation marks in the source/,
    ],
    ['reworded-copy, named', 'The mayor said, in Copy Times\' wording, that he wanted "a total reopening".[@river-copy: called for “a total reopening” of the bridges]', /\[reworded-copy\]/],
    ['reworded-copy, speaker', 'The mayor said he wanted the bridges reopened.[@river-copy (mayor): called for “a total reopening” of the bridges]', /\[reworded-copy\]/],
    [
      'unsupported-detail',
      'The mayor said three bridges in Lyon were closed on 3 May 2022.[@river-report: The mayor said two bridges were closed.]',
      /\[unsupported-detail\] "3 May 2022" is in no passage this claim cites/,
    ],
    [
      'speaker-words',
      'The mayor pledged to "force" a vote.[@river-report (mayor): who pledged that he would “force” a vote]',
      /\[speaker-words\] the citation names a speaker \(mayor\), but the quote runs beyond/,
    ],
    [
      'confusable-letters',
      'The mayor said two bridges wеre closed.[@river-report: two bridges were closed]',
      /\[confusable-letters\] "wеre" in the claim mixes alphabets: "е" \(U\+0435, Cyrillic\) among Latin letters, at character 29 of the claim/,
    ],
    ['citation in a heading', '## Bridges[@river-later: Both bridges reopened on Tuesday]', /heading/],
  ];
  it.each(failing)('%s: the same error on every path', (_, text, message) => {
    const outcome = expectSameOnAllPaths('/site/content', 'flood', text, index);
    expect(outcome).toHaveProperty('error');
    expect((outcome as { error: string }).error).toMatch(message);
  });

  it('a passing page gives the same markup and ledger on every path', () => {
    const outcome = expectSameOnAllPaths(
      '/site/content',
      'flood',
      '| Day | What happened |\n| --- | --- |\n| Tuesday | The bridges reopened, the paper reported.[@river-later: Both bridges reopened on Tuesday] |',
      index,
    );
    expect(outcome).toHaveProperty('html');
  });

  it.each(processors)('raw HTML in .md is refused, as JSX is in MDX (%s)', (processor) => {
    const outcome = run(processor, 'md', '/site/content', 'flood', '<div>The mayor said two bridges closed.</div>', index);
    expect(outcome).toHaveProperty('error');
  });
});
