import { pathToFileURL } from 'node:url';
import { compile } from '@mdx-js/mdx';
import { Parser } from 'acorn';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type MdxToJsResult, mdxToJs, mdxToMdast } from 'satteri';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { assertContentIsData } from '../../packages/cited-explainer/citations/mdx-allow-list.ts';
import { remarkCitations } from '../../packages/cited-explainer/citations/remark-citations.ts';
import { satteriCitations } from '../../packages/cited-explainer/citations/satteri-citations.ts';

/**
 * Nothing but comments survives the allow-list. Generated expressions, wrapped in comments the way
 * an attacker would (`{/* c *\/ process.env.HOME /* c *\/}`), go through each adapter as the build
 * runs it: the remark plugin inside MDX's own compiler, and the Sätteri plugin inside Sätteri's.
 * Either the adapter refuses the page, so no JavaScript is made, or the page compiles to the same
 * program (comments aside: MDX's compiler keeps them) as the same page with every expression
 * emptied to a bare comment: no code of the page's is in it. The oracle is the compiler, not the
 * allow-list's own reading.
 */

type Parse = (mdx: string) => Root;
const parsers: Record<'remark' | 'satteri', Parse> = {
  remark: (mdx) => unified().use(remarkParse).use(remarkMdx).parse(mdx),
  satteri: (mdx) => mdxToMdast(mdx, { features: { gfm: true } }) as Root,
};

// An editorial page (no citation needed) in a content folder with no sources.
const contentDir = '/site/content';
const path = `${contentDir}/pages/x.mdx`;
const citations = { contentDir, base: '/', index: new QuoteIndex([]) };
const frontmatter = () => ({ kind: 'editorial' });

/** A program's syntax tree, without positions or comments: what runs. */
const program = (js: string) => JSON.stringify(Parser.parse(js, { ecmaVersion: 'latest', sourceType: 'module' }), (key, value) => (['start', 'end', 'raw'].includes(key) ? undefined : value));

/** The program a page compiles to through an adapter, or undefined when the build refuses it (and no JavaScript exists). */
async function compiledThrough(processor: 'remark' | 'satteri', mdx: string): Promise<string | undefined> {
  try {
    // The engine's plugins are synchronous, so Sätteri returns its result, not a promise.
    if (processor === 'satteri')
      return program(
        (
          mdxToJs(mdx, {
            mdastPlugins: [satteriCitations(citations)],
            fileURL: pathToFileURL(path),
            data: { astro: { frontmatter: frontmatter(), headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } },
          }) as MdxToJsResult
        ).code,
      );
    return program(String(await compile(new VFile({ path, value: mdx, data: { astro: { frontmatter: frontmatter() } } }), { remarkPlugins: [[remarkCitations, citations]] })));
  } catch {
    return undefined;
  }
}

/** The page with every expression, as the parser delimits it, replaced by an empty comment. */
function emptied(parse: Parse, mdx: string): string {
  const spans: Array<[number, number]> = [];
  visit(parse(mdx), (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') spans.push([node.position!.start.offset!, node.position!.end.offset!]);
  });
  return spans.reduceRight((text, [start, end]) => `${text.slice(0, start)}{/**/}${text.slice(end)}`, mdx);
}

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
const page = fc.tuple(expression, fc.boolean()).map(([source, inLine]) => (inLine ? `Text {${source}} more.` : `{${source}}`));

function verdict(parse: Parse, mdx: string): 'refused' | 'allowed' | 'unparsed' {
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

describe('content is data: nothing but comments survives the allow-list (property)', () => {
  it.each(['remark', 'satteri'] as const)('through the %s adapter: a page either is refused or compiles as if its braces were empty', async (processor) => {
    let allowed = 0;
    await fc.assert(
      fc.asyncProperty(page, async (mdx) => {
        const js = await compiledThrough(processor, mdx);
        if (js === undefined) return;
        allowed++;
        expect(js).toBe(await compiledThrough(processor, emptied(parsers[processor], mdx)));
      }),
      { numRuns: 300 },
    );
    // The property must have seen pages that pass, not only refusals.
    expect(allowed).toBeGreaterThan(10);
  });

  it('code wrapped in comments is refused by both adapters, before anything is compiled', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(commentText, fc.constantFrom('process.env.HOME', 'globalThis.process.getBuiltinModule("node:child_process").execSync("id")', '"text"', '0', 'a')),
        async ([comment, js]) => {
          const mdx = `{/*${comment}*/ ${js} /*${comment}*/}`;
          for (const processor of ['remark', 'satteri'] as const) {
            expect([mdx, verdict(parsers[processor], mdx)]).toEqual([mdx, 'refused']);
            expect(await compiledThrough(processor, mdx)).toBeUndefined();
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('both parsers give the allow-list the same verdict on every generated page', () => {
    fc.assert(
      fc.property(page, (mdx) => {
        const [remark, satteri] = [verdict(parsers.remark, mdx), verdict(parsers.satteri, mdx)];
        if (remark !== 'unparsed' && satteri !== 'unparsed') expect(satteri).toBe(remark);
      }),
      { numRuns: 300 },
    );
  });
});
