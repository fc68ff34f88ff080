import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../src/citations/locate.ts';
import { remarkCitations } from '../../src/citations/remark-citations.ts';
import type { PageCitation } from '../../src/schemas/ledger.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';

const index = new QuoteIndex([
  archivedSource('river-report', ['The mayor said two bridges were closed.', 'The council said the water was stable.']),
  archivedSource('river-later', ['Both bridges reopened on Tuesday.']),
]);

function run(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const file = new VFile({ path: '/site/content/pages/flood.mdx', value: markdown, data: { astro: { frontmatter } } });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkCitations, { contentDir: '/site/content', base: '/', index })
    .use(remarkRehype)
    .use(rehypeStringify);
  const html = String(processor.processSync(file));
  const citations = (file.data as { astro: { frontmatter: { citations: PageCitation[] } } }).astro.frontmatter.citations;
  return { html, citations };
}

describe('remarkCitations', () => {
  it('wraps the claim, adds a numbered marker with a preview, and records the citation', () => {
    const { html, citations } = run('Two bridges closed.[@river-report: two bridges were closed] Later text.');
    expect(html).toContain(
      '<span id="claim-two-bridges-closed" class="claim"><a href="#claim-two-bridges-closed" class="claim-link" aria-label="Link to the claim: Two bridges closed.">#</a>Two bridges closed.</span>',
    );
    expect(html).toMatch(/<button type="button" class="cite-marker" popovertarget="preview-claim-two-bridges-closed-1" data-cite="pages\/flood\/claim-two-bridges-closed\/1" aria-label="Source 1">1<\/button>/);
    expect(html).toContain('<span id="preview-claim-two-bridges-closed-1" popover="auto" class="cite-preview">');
    expect(html).toContain('href="/sources/river-report/#p1"');
    expect(html).toContain('role="doc-endnotes"');
    expect(html).toContain('<li id="note-1">');
    expect(html).toContain('href="#claim-two-bridges-closed" role="doc-backlink"');
    expect(html).toContain(' Later text.');
    expect(citations).toEqual([
      {
        id: 'pages/flood/claim-two-bridges-closed/1',
        anchor: 'claim-two-bridges-closed',
        claim: 'Two bridges closed.',
        source: 'river-report',
        speaker: null,
        quote: 'two bridges were closed',
        paragraph: 'p1',
        start: 15,
        end: 38,
        note: 1,
      },
    ]);
  });

  it('numbers notes per page, one number per passage, and lets citations in a row support one claim', () => {
    const { citations } = run(
      [
        'Claim one.[@river-report: two bridges were closed][@river-later (council): Both bridges reopened]',
        '',
        'Claim two.[@river-report: two bridges were closed] Claim three.[@river-report: the water was stable]',
      ].join('\n'),
    );
    expect(citations.map((c) => [c.anchor, c.note, c.speaker])).toEqual([
      ['claim-claim-one', 1, null],
      ['claim-claim-one', 2, 'council'],
      ['claim-claim-two', 1, null],
      ['claim-claim-three', 3, null],
    ]);
  });

  it('names a claim\'s own link after the claim\'s first words, keeping emphasis inside the claim', () => {
    const { html } = run('The mayor said *both* of the two town bridges were closed on Monday.[@river-report: two bridges were closed]');
    expect(html).toContain(
      '<span id="claim-the-mayor-said-both-of-the" class="claim"><a href="#claim-the-mayor-said-both-of-the" class="claim-link" aria-label="Link to the claim: The mayor said both of the two town…">#</a>The mayor said <em>both</em> of',
    );
  });

  it('gives repeated claims distinct anchors', () => {
    const { citations } = run('Same.[@river-report: two bridges] Same.[@river-later: Both bridges]');
    expect(citations.map((c) => c.anchor)).toEqual(['claim-same', 'claim-same-2']);
  });

  it('fails on a quote not in the source, with file, line, column and the closest passage', () => {
    expect(() => run('Intro.[@river-report: two bridges]\n\nClaim.[@river-report: three bridges were closed]')).toThrow(
      /flood\.mdx:3:7: quote not found in source "river-report": "three bridges were closed"\n {2}Did you mean \(paragraph p1\): "two bridges were closed"/,
    );
  });

  it('fails on an unknown source with the known ids, closest first', () => {
    expect(() => run('Claim.[@river-reprot: two bridges]')).toThrow(/unknown source id "river-reprot"\n {2}Known ids, closest first: river-report, river-later/);
  });

  it('fails on an ambiguous quote, listing the places', () => {
    expect(() => run('Claim.[@river-report: said]')).toThrow(/quote matches 2 places in source "river-report"[\s\S]*paragraph p1 at \d+-\d+; paragraph p2/);
  });

  it('fails on an uncited paragraph of a claims page, but not on exempt text', () => {
    expect(() => run('Cited.[@river-report: two bridges]\n\nNot cited.')).toThrow(/flood\.mdx:3:1: uncited claim: "Not cited\./);
    expect(() => run('Not cited.', { kind: 'editorial' })).not.toThrow();
    expect(() => run('<aside>\n\nAn aside.\n\n</aside>\n\n[A link](/x/) · [Another](/y/)\n\nNot a claim. {/* not a claim */}')).not.toThrow();
  });

  it('fails on a citation with nothing before it, or inside emphasis', () => {
    expect(() => run('[@river-report: two bridges] Claim.')).toThrow(/flood\.mdx:1:1: a citation must follow the claim/);
    expect(() => run('*Claim.[@river-report: two bridges]*')).toThrow(/inside emphasis/);
  });
});
