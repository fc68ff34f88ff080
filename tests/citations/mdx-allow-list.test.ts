import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { assertContentIsData } from '../../packages/cited-explainer/citations/mdx-allow-list.ts';

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
    for (const element of ['base href="/"', 'iframe src="/x"', 'object data="/x"', 'embed src="/x"', 'form action="/x"', 'p', 'details']) {
      expect(check(`<${element}></${element.split(' ')[0]}>`)).toThrow(/is not allowed in content/);
    }
    expect(check('<div className="x" onClick="alert(1)">\n\nText.\n\n</div>')).toThrow(/may not carry the attribute "onClick"/);
    expect(check('<PlaceMap map={mapName} />')).toThrow(/attribute that is an expression/);
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
          '| a | b |\n| --- | --- |\n| c | d |',
        ].join('\n\n'),
      ),
    ).not.toThrow();
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
    '> quoted [x](//evil.example/)',
  ])('%j', (mdx) => {
    const [remark, satteri] = parsers.map(([, parse]) => errorOf(parse, mdx));
    expect(satteri).toBe(remark);
    expect(remark).not.toBe('no error');
  });
});
