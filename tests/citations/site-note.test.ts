import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { isNote, noteSyntax, siteNote } from '../../packages/cited-explainer/citations/site-note.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { processors, renderMarkdownPage, renderPage } from './citation-processors.ts';

/** The site's own note in a Markdown page (:::note), and the directives a Markdown page may not hold, through each adapter. */

const index = new QuoteIndex([archivedSource('river-report', ['The mayor said two bridges were closed.', 'The council said the water was stable at 10:30 on Monday.'])]);

describe('site-note', () => {
  it('knows a note in either format, and nothing else', () => {
    expect(isNote({ type: 'containerDirective', name: 'note' } as never)).toBe(true);
    expect(isNote({ type: 'mdxJsxFlowElement', name: 'Note' } as never)).toBe(true);
    expect(isNote({ type: 'containerDirective', name: 'Note' } as never)).toBe(false);
    expect(isNote({ type: 'mdxJsxFlowElement', name: 'note' } as never)).toBe(false);
    expect(isNote({ type: 'leafDirective', name: 'note' } as never)).toBe(false);
  });

  it('marks a note as a div, or a span inside a line, keeping its children', () => {
    const children = [{ type: 'paragraph', children: [] }];
    expect(siteNote({ type: 'containerDirective', name: 'note', children } as never)).toEqual({
      type: 'siteNote',
      children,
      position: undefined,
      data: { hName: 'div', hProperties: { role: 'note', className: ['site-note'] } },
    });
    expect(siteNote({ type: 'mdxJsxTextElement', name: 'Note', children } as never).data.hName).toBe('span');
  });

  it("names the note syntax of the page's format", () => {
    expect(noteSyntax('content/pages/x.md')).toBe(':::note … :::');
    expect(noteSyntax('content/pages/x.mdx')).toBe('<Note>…</Note>');
  });
});

describe.each(processors)('Markdown pages through %s', (processor) => {
  const run = (markdown: string, frontmatter: Record<string, unknown> = {}) => renderMarkdownPage(processor, markdown, index, frontmatter);
  const cited = 'The mayor said two bridges closed.[@river-report: two bridges were closed]';

  it("renders :::note as <Note> renders: the site's marked remark, listed as a note, needing no citation", () => {
    const { html, notes } = run(`:::note\n\nThe sources do not say when the bridges reopened.\n\n:::\n\n${cited}`);
    expect(html).toContain('<div role="note" class="site-note"><p>The sources do not say when the bridges reopened.</p></div>');
    expect(notes).toEqual([{ text: 'The sources do not say when the bridges reopened.' }]);
    // Without blank lines around its text, the same note.
    expect(run(`:::note\nThe sources do not say.\n:::\n\n${cited}`).html).toContain('<div role="note" class="site-note"><p>The sources do not say.</p></div>');
  });

  it('cites claims inside a note, as in MDX', () => {
    const { html, citations } = run(`:::note\n\n${cited}\n\n:::`);
    expect(html).toMatch(/^<div role="note" class="site-note"><p><span id="claim-the-mayor-said-two-bridges-closed" class="claim">/);
    expect(citations.map((c) => c.anchor)).toEqual(['claim-the-mayor-said-two-bridges-closed']);
  });

  it.each([
    [
      'an unknown container directive',
      `${cited}\n\n:::warning\nCareful.\n:::`,
      /flood\.md:3:1: unknown directive ":::warning": the directives a page may hold are :::note, :::nav\[…\], :::div\{\.class\}, :::section\{\.class aria-label="…"\} and :::details\{\.class\} for layout, and the components ::place-map, .*\n {2}A note is a line ":::note"/,
    ],
    ['a leaf directive', `${cited}\n\n::toc`, /flood\.md:3:1: unknown directive "::toc"/],
    ['a note in capitals', ':::Note\nOurs.\n:::', /flood\.md:1:1: unknown directive ":::Note"/],
    ['a note with attributes', ':::note{.wide}\nOurs.\n:::', /flood\.md:1:1: :::note takes no attributes \(\{…\}\)\n {2}Remove the braces after :::note\./],
    ['a note with a label', ':::note[Aside]\nOurs.\n:::', /flood\.md:1:1: :::note takes no label \(\[…\]\)/],
    ['a note inside a note', '::::note\nOurs.\n\n:::note\nInner.\n:::\n::::', /flood\.md:4:1: a note inside a note\n {2}Close the first note with ::: before opening the next/],
    ['a note never closed', `:::note\nOurs.\n\n${cited}`, /flood\.md:1:1: this :::note is never closed\n {2}End the note with a line of three colons/],
    ['a second note opened before the first is closed', ':::note\nOne.\n\n:::note\nTwo.\n:::', /flood\.md:1:1: this :::note is never closed/],
    ['an empty note never closed', ':::note', /flood\.md:1:1: this :::note is never closed/],
    ['a space after the colons', '::: note\nOurs.\n:::', /flood\.md:1:1: a line of colons here opens or closes no note\n {2}A note is a line ":::note"/],
    ['a closing line with no note open', `${cited}\n\n:::`, /flood\.md:3:1: a line of colons here opens or closes no note/],
    [
      '":" right before a word, outside a quote',
      'The council said the water was stable at 10:30.[@river-report: the water was stable at]',
      /flood\.md:1:44: ":30" reads as a Markdown directive, which a page may not hold inside a line\n {2}A colon right before a letter or digit starts one: write it as "\\:" \(10\\:30\)/,
    ],
    ['":" inside a note', ':::note\nSee ratio a:b.\n:::', /flood\.md:2:12: ":b" reads as a Markdown directive/],
    ['":" inside emphasis', `*a:b* ${cited}`, /flood\.md:1:3: ":b" reads as a Markdown directive/],
    [
      "a citation read as a directive's label",
      'It was stable at 10:30[@river-report: the water was stable at 10:30]',
      /flood\.md:1:20: ":30\[@river-report: the water was stable at 10:30\]" reads as a Markdown directive/,
    ],
  ])('refuses %s, with file, line, what is wrong and the fix', (_, markdown, error) => {
    expect(() => run(markdown)).toThrow(error);
  });

  it('renders :::nav[label] as an MDX page writes <nav aria-label="label">: the site\'s navigation, needing no citation', () => {
    const { html, citations } = run(`${cited}\n\n:::nav[Read next]\nRead next: [the bridges](../bridges/) · [the council](../council/)\n:::`);
    expect(html).toContain('<nav aria-label="Read next"><p>Read next: <a href="../bridges/">the bridges</a> · <a href="../council/">the council</a></p></nav>');
    expect(citations).toHaveLength(1);
    // The same words outside navigation are a claim, and need their citation.
    expect(() => run(`${cited}\n\nRead next: [the bridges](../bridges/)`)).toThrow(/flood\.md:3:1: uncited claim/);
  });

  it.each([
    ['navigation without a name', ':::nav\n[the bridges](../bridges/)\n:::', /flood\.md:1:1: :::nav needs a name in brackets\n {2}Name it for people who use screen readers, as :::nav\[Read next\]\./],
    ['navigation with attributes', ':::nav[Read next]{.wide}\n[the bridges](../bridges/)\n:::', /flood\.md:1:1: :::nav takes no attributes/],
    ['navigation never closed', `:::nav[Read next]\n[the bridges](../bridges/)\n\n${cited}`, /flood\.md:1:1: this :::nav is never closed\n {2}End the navigation with a line of three colons/],
    ['navigation inside a note', '::::note\nOurs.\n\n:::nav[Read next]\n[the bridges](../bridges/)\n:::\n::::', /flood\.md:4:1: a navigation inside a note/],
    ['a note inside navigation', '::::nav[Read next]\n[the bridges](../bridges/)\n\n:::note\nOurs.\n:::\n::::', /flood\.md:4:1: a note inside navigation/],
    [
      'navigation named with formatting',
      ':::nav[Read *next*]\n[the bridges](../bridges/)\n:::',
      /flood\.md:1:1: the name of a :::nav is plain text\n {2}Write it without formatting, links or citations/,
    ],
    ['navigation named with a citation', ':::nav[Read next[@river-report: two bridges were closed]]\n[the bridges](../bridges/)\n:::', /flood\.md:1:1: the name of a :::nav is plain text/],
    // Navigation needs no citation because it points to the site's pages: a claim cannot hide in it.
    [
      'a claim in navigation',
      `:::nav[Read next]\nThe mayor said two bridges closed.\n:::\n\n${cited}`,
      /flood\.md:2:1: navigation with no link: "The mayor said two bridges closed\.…"\n {2}Navigation needs no citation because it points to this site's pages/,
    ],
    ['a claim beside a link in navigation', `:::nav[Read next]\n- [the bridges](../bridges/)\n- The mayor said two bridges closed.\n:::\n\n${cited}`, /flood\.md:3:3: navigation with no link/],
    [
      'navigation to another site',
      `:::nav[Read next]\n[the council](https://council.example/)\n:::\n\n${cited}`,
      /flood\.md:2:1: navigation links only to the site's own pages, not to "https:\/\/council\.example\/"/,
    ],
  ])('refuses %s, with file, line, what is wrong and the fix', (_, markdown, error) => {
    expect(() => run(markdown)).toThrow(error);
  });

  it('names :::note, not <Note>, in the hints of a Markdown page', () => {
    expect(() => run('Not cited.')).toThrow(/put it in :::note … :::\./);
    expect(() => run('<div>Raw.</div>')).toThrow(/raw HTML is not allowed in content\n {2}Write Markdown; use :::note for a remark/);
  });

  it('keeps a colon before a word inside a quote, which is the source as written', () => {
    const { citations } = run('The council said the water was stable.[@river-report: the water was stable at 10:30 on Monday]');
    expect(citations[0].quote).toBe('the water was stable at 10:30 on Monday');
  });

  it('leaves other colons in prose as they are', () => {
    const prose = 'The council said: stable :: 10 : 30 :: and so on ::: see https://news.example/a:b and [the report](https://news.example/x:y).';
    const { html } = run(`${prose}[@river-report: The council said the water was stable]`);
    expect(html).toContain(
      'The council said: stable :: 10 : 30 :: and so on ::: see <a href="https://news.example/a:b">https://news.example/a:b</a> and <a href="https://news.example/x:y">the report</a>.',
    );
    // An escaped colon before a word is a colon.
    expect(run(`At 10\\:30 the council said so.[@river-report: The council said the water was stable]`).html).toContain('At 10:30 the council said so.');
  });
});

describe.each(processors)('MDX pages through %s', (processor) => {
  it('read no directives: a colon before a word is text, and :::note is not a note', () => {
    const run = (mdx: string) => renderPage(processor, { path: '/site/content/pages/flood.mdx', text: mdx, contentDir: '/site/content', index, frontmatter: { kind: 'editorial' } });
    expect(run('Stable at 10:30, a:b.').html).toContain('Stable at 10:30, a:b.');
    expect(run(':::note\nOurs.\n:::').frontmatter.notes).toEqual([]);
  });
});
