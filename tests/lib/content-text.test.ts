import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertMdxNestingWithin, assertPlainText, describeCodePoint, forbiddenInContent, maxMdxNesting, mdxNestingBeyond } from '../../packages/cited-explainer/lib/content-text.ts';
import { readJsonFile } from '../../packages/cited-explainer/lib/json-file.ts';
import { renderPage } from '../citations/citation-processors.ts';

describe('control characters and bidirectional overrides in content files', () => {
  it.each([
    ['\u0000', 'U+0000 (NULL)'],
    ['\u0007', 'U+0007 (a control character)'],
    ['\u007f', 'U+007F (a control character)'],
    ['\u0085', 'U+0085 (a control character)'],
    ['\u202a', 'U+202A (LEFT-TO-RIGHT EMBEDDING)'],
    ['\u202e', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
    ['\u2066', 'U+2066 (LEFT-TO-RIGHT ISOLATE)'],
    ['\u2069', 'U+2069 (POP DIRECTIONAL ISOLATE)'],
  ])('refuses %j as %s, with the file, line and column', (character, described) => {
    const text = `---\ntitle: T\n---\n\nThe mayor${character} said so.\n`;
    expect(forbiddenInContent(text)).toEqual({ codePoint: character.codePointAt(0), line: 5, column: 10 });
    expect(() => assertPlainText('pages/a.md', text)).toThrow(`pages/a.md:5:10: ${described} is not allowed in content`);
    expect(describeCodePoint(character.codePointAt(0) ?? 0)).toBe(described);
  });

  it('accepts tabs, line ends, marks of direction and right-to-left text', () => {
    expect(forbiddenInContent('a\tb\r\nc\u200f d \u200e Հայաստան عربي\n')).toBeUndefined();
  });
});

describe('elements and expressions nested too deep in an MDX page are refused before it is parsed', () => {
  // Found by the property test of tests/citations/page-paths.property.test.ts, whose run then hung:
  // an expression left open, and elements left open after it, take Sätteri's MDX parser about twice
  // as long for each element (22 took 0.1 s; this one did not finish in ten minutes).
  const hanging = `${'{'.repeat(40)}\n\n## ${'<b>'.repeat(1767)}`;
  const past = maxMdxNesting + 1;

  it.each([
    ['elements left open after an expression left open', hanging, { line: 1, column: past, outermost: { line: 1, column: 1 } }],
    ['elements inside an expression', `Text.\n\n{${'<b>'.repeat(30)}`, { line: 3, column: 2 + (past - 2) * 3, outermost: { line: 3, column: 1 } }],
    // Each `<b x={` opens two: the element and its attribute's expression.
    ['expressions in attributes', `${'<b x={'.repeat(12)}`, { line: 1, column: 6 * ((past - 1) / 2) + 1, outermost: { line: 1, column: 1 } }],
    ['fragments', `Text.\n{${'<>'.repeat(30)}`, { line: 2, column: 2 + (past - 2) * 2, outermost: { line: 2, column: 1 } }],
    // Names start as MDX's grammar starts them: with a letter of any script, "$" or "_".
    ['elements named in other scripts or with "_"', `{${'<é><_><$>'.repeat(10)}`, { line: 1, column: 2 + (past - 2) * 3, outermost: { line: 1, column: 1 } }],
    // A fence inside an expression is not one: what follows still counts.
    ['a fence inside an expression', `{\n~~~\n${'<b>'.repeat(30)}`, { line: 3, column: 1 + (past - 2) * 3, outermost: { line: 1, column: 1 } }],
    // ```x``` is a code span, not a fence: what follows still counts.
    ['a code span at the start of a line', `\`\`\`x\`\`\`\n{${'<b>'.repeat(30)}`, { line: 2, column: 2 + (past - 2) * 3, outermost: { line: 2, column: 1 } }],
  ])('%s: refused at the first level past the limit, naming the outermost still open', (_label, text, found) => {
    expect(mdxNestingBeyond(text)).toEqual(found);
    expect(() => assertMdxNestingWithin('pages/a.mdx', text)).toThrow(`pages/a.mdx:${found.line}:${found.column}: elements and {expressions} nested more than ${maxMdxNesting} deep, or left open`);
  });

  it('the page that hung the parser is refused at once by the build processor', () => {
    expect(() => renderPage('satteri', { path: '/site/content/pages/a.mdx', text: hanging, contentDir: '/site/content' })).toThrow(`a.mdx:1:${past}: elements and {expressions} nested`);
  });

  it.each([
    ['elements and expressions closed where they open', `${'<Note>{/* a remark */}</Note>\n\n'.repeat(40)}<a href={"x"} />`.repeat(20)],
    [
      'code: fenced blocks, in quotes and indented too, and backtick spans',
      `\`\`\`html\n${'<div>'.repeat(40)}\n\`\`\`\n\n> \`\`\`ts\n> ${'Vec<T> '.repeat(40)}\n> \`\`\`\n\n<Note>\n    ~~~~\n    ${'a<b '.repeat(40)}\n    ~~~~\n</Note>\n\nInline: \`${'{<b>'.repeat(40)}\`, \`\` a \` ${'<i>'.repeat(40)} \`\`.\n`,
    ],
    ['elements commented out in an expression', `${'{/* <Note> { */}\n'.repeat(40)}`],
    ['the front matter', `---\ntitle: '${'{<b>'.repeat(40)}'\n---\n\nText.\n`],
    ['escaped braces and angle brackets', `${'\\{\\<b>'.repeat(40)}`],
    ['a less-than sign in prose', `${'1 < 2, '.repeat(40)}`],
  ])('%s: accepted', (_label, text) => {
    expect(mdxNestingBeyond(text)).toBeUndefined();
  });

  it('every MDX page of the site and of the good fixtures is accepted', () => {
    const roots = ['content', 'tests/fixtures/site-basic', 'tests/fixtures/example-explainer', 'packages/cited-explainer/starter'];
    const pages = roots.flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.mdx'))
        .map((file) => join(root, file)),
    );
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(mdxNestingBeyond(readFileSync(page, 'utf8')), page).toBeUndefined();
  });
});

describe('readJsonFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'json-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const path = join(dir, 'site.json');
    writeFileSync(path, text);
    return { path, file: relative(process.cwd(), path) };
  };

  it('reads past a byte order mark', () => {
    expect(readJsonFile(write('\uFEFF{"title": "T"}').path).data).toEqual({ title: 'T' });
  });

  it('names the line and column of a syntax error', () => {
    const { path, file } = write('{\n  "title": "T",\n}\n');
    expect(() => readJsonFile(path)).toThrow(new RegExp(`^${file}:3:1: not valid JSON: `));
  });

  it('refuses a bidirectional override with its position', () => {
    const { path, file } = write('{\n  "title": "\u202eT"\n}\n');
    expect(() => readJsonFile(path)).toThrow(`${file}:2:13: U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in content`);
  });
});
