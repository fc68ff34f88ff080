import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToJs, mdxToMdast } from 'satteri';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { assertContentIsData } from '../../packages/cited-explainer/citations/mdx-allow-list.ts';

/**
 * Nothing but comments survives the allow-list. Generated expressions, wrapped in comments the way
 * an attacker would (`{/* c *\/ process.env.HOME /* c *\/}`), are parsed by both processors; the
 * oracle is Sätteri's own compiler: a page the allow-list lets through compiles to exactly the
 * JavaScript of the same page with every expression emptied to an empty comment, so no code of the page's is in it.
 */

const processors: Array<[string, (mdx: string) => Root]> = [
  ['remark', (mdx) => unified().use(remarkParse).use(remarkMdx).parse(mdx)],
  ['satteri', (mdx) => mdxToMdast(mdx, { features: { gfm: true } }) as Root],
];

/** Pieces of JavaScript, comment markers and characters that end or confuse comments. */
const pieces = [
  'process',
  '.env',
  '.HOME',
  'globalThis',
  '.process',
  '.getBuiltinModule("node:child_process")',
  '.execSync("touch /tmp/x")',
  '(',
  ')',
  '[',
  ']',
  '"x"',
  "'y'",
  '`t`',
  '`${',
  '}',
  '{',
  ';',
  ',',
  '=>',
  '...',
  '1',
  'a',
  'import("node:fs")',
  'new Function("")',
  '/*',
  '*/',
  '/**/',
  '//',
  '\n',
  ' ',
  '\t',
  '<!--',
  '-->',
  '#!',
  '\\u0061',
  '\u2028',
  '*',
  '/',
  '</',
  '>',
];
const code = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const commentText = fc.string({ maxLength: 12 }).filter((text) => !text.includes('*/'));
/** An expression's source: code wrapped in comments in the ways that fooled a pattern, or only comments. */
const expression = fc.oneof(
  fc.tuple(commentText, code, commentText).map(([a, c, b]) => `/*${a}*/ ${c} /*${b}*/`),
  fc.tuple(code, commentText).map(([c, b]) => `/**/${c}/*${b}*/`),
  fc.tuple(commentText, code).map(([a, c]) => `// ${a.replace(/[\n\r\u2028\u2029]/g, '')}\n${c}\n`),
  fc.array(commentText, { minLength: 1, maxLength: 3 }).map((texts) => texts.map((t) => `/*${t}*/`).join(' ')),
);
/** The braces stand alone (a flow expression) or inside a sentence (a text expression). */
const page = fc.tuple(expression, fc.boolean()).map(([source, inLine]) => ({ source, inLine }));
const pageWith = (source: string, inLine: boolean) => (inLine ? `Text {${source}} more.` : `{${source}}`);

function verdict(parse: (mdx: string) => Root, mdx: string): 'refused' | 'allowed' | 'unparsed' {
  let tree: Root;
  try {
    tree = parse(mdx);
  } catch {
    // A page the parser refuses fails the build before any check: nothing of it runs either.
    return 'unparsed';
  }
  try {
    assertContentIsData(tree, 'content/pages/x.mdx');
    return 'allowed';
  } catch {
    return 'refused';
  }
}

/** The page with every expression, as the parser delimits it, replaced by an empty comment. */
function emptied(parse: (mdx: string) => Root, mdx: string): string {
  const spans: Array<[number, number]> = [];
  visit(parse(mdx), (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') spans.push([node.position!.start.offset!, node.position!.end.offset!]);
  });
  return spans.reduceRight((text, [start, end]) => `${text.slice(0, start)}{/**/}${text.slice(end)}`, mdx);
}

/** The page's JavaScript as Sätteri compiles it, or undefined where it refuses to (no code at all, the build fails). */
async function compiled(mdx: string): Promise<string | undefined> {
  try {
    return String(((await mdxToJs(mdx)) as { code?: string }).code);
  } catch {
    return undefined;
  }
}

describe('content is data: nothing but comments survives the allow-list (property)', () => {
  it.each(processors)('through %s: an allowed expression compiles to nothing', async (_, parse) => {
    await fc.assert(
      fc.asyncProperty(page, async ({ source, inLine }) => {
        const mdx = pageWith(source, inLine);
        if (verdict(parse, mdx) !== 'allowed') return;
        const js = await compiled(mdx);
        if (js !== undefined) expect(js).toBe(await compiled(emptied(parse, mdx)));
      }),
      { numRuns: 300 },
    );
  });

  it('code wrapped in comments is refused by both processors alike', () => {
    fc.assert(
      fc.property(fc.tuple(commentText, fc.constantFrom('process.env.HOME', 'globalThis.process.getBuiltinModule("node:child_process").execSync("id")', '"text"', '0', 'a')), ([comment, js]) => {
        const mdx = `{/*${comment}*/ ${js} /*${comment}*/}`;
        for (const [, parse] of processors) expect([mdx, verdict(parse, mdx)]).toEqual([mdx, 'refused']);
      }),
    );
  });

  it('both processors give the same verdict on every generated page', () => {
    fc.assert(
      fc.property(page, ({ source, inLine }) => {
        const [remark, satteri] = processors.map(([, parse]) => verdict(parse, pageWith(source, inLine)));
        if (remark !== 'unparsed' && satteri !== 'unparsed') expect(satteri).toBe(remark);
      }),
      { numRuns: 300 },
    );
  });
});
