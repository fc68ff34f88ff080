import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { assertContentIsData, isCommentOnly } from '../../packages/cited-explainer/citations/mdx-allow-list.ts';

// The allow-list reads the tree either processor parses, with the same errors and positions.
const parsers: Array<[string, (mdx: string) => Root]> = [
  ['remark', (mdx) => unified().use(remarkParse).use(remarkMdx).parse(mdx)],
  ['satteri', (mdx) => mdxToMdast(mdx, { features: { gfm: true } }) as Root],
];

describe.each(parsers)('content is data: the MDX allow-list, parsed by %s', (_, parse) => {
  const check = (mdx: string) => () => assertContentIsData(parse(mdx), 'content/pages/x.mdx');

  it('refuses code: imports, exports and expressions, with file, line and column', () => {
    expect(check("Text.\n\nimport { writeFileSync } from 'node:fs';")).toThrow(/^content\/pages\/x\.mdx:3:1: imports and exports are not allowed in content/);
    expect(check("export const x = writeFileSync('/tmp/x', 'y');")).toThrow(/x\.mdx:1:1: imports and exports are not allowed/);
    expect(check('Home is {process.env.HOME}.')).toThrow(/x\.mdx:1:9: an expression \{process\.env\.HOME\} is not allowed/);
    expect(check('{"Russia started the war."}')).toThrow(/x\.mdx:1:1: an expression/);
  });

  it('refuses scripts, redirects, frames, forms, unlisted elements and expression attributes', () => {
    expect(check('<script>alert(1)</script>')).toThrow(/x\.mdx:1:1: <script…> is not allowed in content/);
    expect(check('<meta http-equiv="refresh" content="30;url=https://evil.example/" />')).toThrow(/<meta…> is not allowed/);
    for (const element of ['base href="/"', 'iframe src="/x"', 'object data="/x"', 'embed src="/x"', 'form action="/x"', 'p', 'dialog']) {
      expect(check(`<${element}></${element.split(' ')[0]}>`)).toThrow(/is not allowed in content/);
    }
    expect(check('<div className="x" onClick="alert(1)">\n\nText.\n\n</div>')).toThrow(/may not carry the attribute "onClick"/);
    expect(check('<PlaceMap map={mapName} />')).toThrow(/attribute that is an expression/);
  });

  it('refuses expressions wrapped in comments, which a pattern took for a comment', () => {
    expect(check('{/* c */ process.env.HOME /* c */}')).toThrow(/x\.mdx:1:1: an expression \{\/\* c \*\/ process\.env\.HOME/);
    expect(check('Text {/**/ globalThis.process.getBuiltinModule("node:child_process").execSync("id") /**/}.')).toThrow(/x\.mdx:1:6: an expression/);
    expect(check('{// a comment\nprocess.env.HOME\n}')).toThrow(/an expression/);
    expect(check('{/* a */ /* b */}\n\n{// a line comment\n}')).not.toThrow();
  });

  it('refuses props a content element does not take, naming the prop and the allowed ones', () => {
    expect(check('<Corrections onClick="alert(1)" />')).toThrow(/^content\/pages\/x\.mdx:1:1: <Corrections> may not carry the attribute "onClick"\n {2}Allowed on <Corrections>: none\.$/);
    expect(check('Intro.\n\n<PlaceMap map="river" style="color: red" />')).toThrow(/x\.mdx:3:1: <PlaceMap> may not carry the attribute "style"\n {2}Allowed on <PlaceMap>: map\.$/);
    expect(check('<SourceProvenance set:html="<b>x</b>" />')).toThrow(/<SourceProvenance> may not carry the attribute "set:html"/);
    expect(check('<ReviewedExceptions class="x" />')).toThrow(/<ReviewedExceptions> may not carry the attribute "class"/);
    expect(check('<Note className="wide">\n\nOur remark.\n\n</Note>')).toThrow(/<Note> may not carry the attribute "className"/);
    expect(check('<section className="a" aria-label="b" id="main">\n\nText.\n\n</section>')).toThrow(/<section> may not carry the attribute "id"\n {2}Allowed on <section>: className, aria-label\./);
    expect(check('<nav aria-label="Next" style="x">\n\n[Next](next/)\n\n</nav>')).toThrow(/<nav> may not carry the attribute "style"/);
    expect(check('<PlaceMap />')).toThrow(/x\.mdx:1:1: <PlaceMap> needs the attribute "map"\n {2}Allowed on <PlaceMap>: map\./);
    expect(check('<PlaceMap map="" />')).toThrow(/<PlaceMap> attribute "map": /);
    expect(check('<div hidden>\n\nText.\n\n</div>')).toThrow(/<div> may not carry the attribute "hidden"/);
    expect(check('<div className>\n\nText.\n\n</div>')).toThrow(/<div> gives the attribute "className" no value/);
    expect(check('<Corrections>\n\nWrite to us.\n\n</Corrections>')).toThrow(/x\.mdx:1:1: <Corrections> takes nothing between its tags\n {2}Write <Corrections \/> and put the text/);
    expect(check('Text <PlaceMap map="river">here</PlaceMap>.')).toThrow(/<PlaceMap> takes nothing between its tags/);
  });

  it('refuses spread attributes and names that are properties of every object', () => {
    expect(check('<PlaceMap {...props} />')).toThrow(/<PlaceMap> has an attribute that is an expression/);
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(check(`<${name} />`)).toThrow(/is not allowed in content/);
    expect(check('<Corrections constructor="x" />')).toThrow(/may not carry the attribute "constructor"/);
  });

  it('refuses unsafe link addresses', () => {
    expect(check('[click](javascript:alert(document.domain))')).toThrow(/x\.mdx:1:1: the address "javascript:alert/);
    expect(check('![x](data:image/svg+xml;base64,AAAA)')).toThrow(/the address "data:image/);
    expect(check('[x](//evil.example/)')).toThrow(/the address/);
  });

  it('allows Markdown, comments, notes, layout elements, listed components and safe links', () => {
    expect(
      check(
        [
          '## Heading',
          'Text with [a page](../x/), [an anchor](#a), [a site](https://news.example/a) and [mail](mailto:editors@news.example). {/* a comment */}',
          '<Note>\n\nOur remark.\n\n</Note>',
          '<div className="accounts">\n<section className="account">\n\nText.\n\n</section>\n</div>',
          '<nav aria-label="Next">\n\n[Next](next/)\n\n</nav>',
          '<PlaceMap map="river" />',
          '<Corrections />\n\n<SourceProvenance />\n\n<ReviewedExceptions />',
          '| a | b |\n| --- | --- |\n| c | d |',
        ].join('\n\n'),
      ),
    ).not.toThrow();
  });
});

describe('content is data: an expression is allowed only when it holds no token but comments', () => {
  it.each([
    ['', true],
    ['/* a */ /* b */', true],
    ['// a line\n', true],
    ['/* a */ process.env.HOME /* b */', false],
    ['/**/;/**/', false],
    ['/* never closed', false],
    ['<!-- an HTML comment, which only a classic script reads as one -->', false],
    ['#! a hashbang', false],
  ])('%j: %s', (source, allowed) => {
    expect(isCommentOnly(source)).toBe(allowed);
  });

  it("refuses a parser's estree that holds a statement, whatever the source says", () => {
    expect(isCommentOnly('/**/', { body: [{ type: 'ExpressionStatement' }] })).toBe(false);
  });
});

describe('content is data: both parsers give the same error, word for word', () => {
  const errorOf = (parse: (mdx: string) => Root, mdx: string) => {
    try {
      assertContentIsData(parse(mdx), 'content/pages/x.mdx');
      return 'no error';
    } catch (error) {
      return String(error);
    }
  };
  it.each([
    "Text.\n\nimport { writeFileSync } from 'node:fs';",
    'Intro.\n\n  Home is {process.env.HOME}.',
    '- a list\n- with <script>alert(1)</script>',
    '| a | b |\n| --- | --- |\n| c | <iframe src="/x" /> |',
    '<div className="x" onClick="alert(1)">\n\nText.\n\n</div>',
    '<Note>\n\nA [link](javascript:alert(1)) inside.\n\n</Note>',
    '<PlaceMap map={mapName} />',
    '{/* c */ process.env.HOME /* c */}',
    '<Corrections onClick="alert(1)" />',
    '<PlaceMap map="river" set:html="x" />',
    '<PlaceMap />',
    '<SourceProvenance>\n\nText.\n\n</SourceProvenance>',
    '> quoted [x](//evil.example/)',
  ])('%j', (mdx) => {
    const [remark, satteri] = parsers.map(([, parse]) => errorOf(parse, mdx));
    expect(satteri).toBe(remark);
    expect(remark).not.toBe('no error');
  });
});
