import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import type { PageCitation } from '../../packages/cited-explainer/schemas/ledger.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { processors, renderPage } from './citation-processors.ts';

/** The citation engine through each processor's adapter: remarkCitations and satteriCitations. */

const index = new QuoteIndex([
  archivedSource('river-report', ['The mayor said two bridges were closed.', 'The council said the water was stable.']),
  archivedSource('river-later', ['Both bridges reopened on Tuesday.']),
]);

describe.each(processors)('through %s', (processor) => {
  const run = (markdown: string, frontmatter: Record<string, unknown> = {}) => {
    const { html, frontmatter: after } = renderPage(processor, { path: '/site/content/pages/flood.mdx', text: markdown, contentDir: '/site/content', index, frontmatter });
    return { html, citations: after.citations as PageCitation[] };
  };

  describe('citations', () => {
    it('wraps the claim, adds a numbered marker with a preview, and records the citation', () => {
      const { html, citations } = run('The mayor said two bridges closed.[@river-report: two bridges were closed] Later text.');
      expect(html).toContain(
        '<span id="claim-the-mayor-said-two-bridges-closed" class="claim"><a href="#claim-the-mayor-said-two-bridges-closed" class="claim-link" aria-label="Link to the claim: The mayor said two bridges closed.">#</a>The mayor said two bridges closed.</span>',
      );
      expect(html).toContain(
        '\u2060<sup class="cite-ref"><button type="button" class="cite-marker" popovertarget="preview-claim-the-mayor-said-two-bridges-closed" aria-label="Source 1">1</button></sup>',
      );
      expect(html).toContain(
        '<span id="preview-claim-the-mayor-said-two-bridges-closed" popover="auto" class="cite-preview"><span class="cite-preview-bar"><button type="button" class="cite-preview-close" popovertarget="preview-claim-the-mayor-said-two-bridges-closed" popovertargetaction="hide">Close</button></span><span class="cite-passage" data-cite="pages/flood/claim-the-mayor-said-two-bridges-closed/1">',
      );
      expect(html).toContain(
        '<a href="#claim-the-mayor-said-two-bridges-closed" class="cite-preview-claim" aria-label="Link to this sentence: The mayor said two bridges closed.">Link to this sentence</a>',
      );
      expect(html).toContain('href="/sources/river-report/#p1"');
      expect(html).toContain('role="doc-endnotes"');
      expect(html).toContain('<li id="note-1" value="1">');
      expect(html).toContain('href="#claim-the-mayor-said-two-bridges-closed" role="doc-backlink"');
      expect(html).toContain(' Later text.');
      expect(citations).toEqual([
        {
          id: 'pages/flood/claim-the-mayor-said-two-bridges-closed/1',
          anchor: 'claim-the-mayor-said-two-bridges-closed',
          claim: 'The mayor said two bridges closed.',
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

    it('numbers notes per page, one number per passage, and lets citations in a row support one claim behind one marker', () => {
      const { citations, html } = run(
        [
          'One said.[@river-report: two bridges were closed][@river-report (council): the water was stable]',
          '',
          'Two said.[@river-report: two bridges were closed] Three said.[@river-later: Both bridges reopened]',
        ].join('\n'),
      );
      expect(citations.map((c) => [c.anchor, c.note, c.speaker])).toEqual([
        ['claim-one-said', 1, null],
        ['claim-one-said', 2, 'council'],
        ['claim-two-said', 1, null],
        ['claim-three-said', 3, null],
      ]);
      expect(html.match(/class="cite-marker"/g)).toHaveLength(3);
      expect(html).toContain('aria-label="Sources 1, 2">1, 2</button>');
      // The endnotes name each source once, with its passages under it.
      expect(html.match(/class="endnote-source"/g)).toHaveLength(2);
    });

    it("names a claim's own link after the claim's first words, keeping emphasis inside the claim", () => {
      const { html } = run('The mayor said *both* of the two town bridges were closed that day.[@river-report: two bridges were closed]');
      expect(html).toContain(
        '<span id="claim-the-mayor-said-both-of-the" class="claim"><a href="#claim-the-mayor-said-both-of-the" class="claim-link" aria-label="Link to the claim: The mayor said both of the two town…">#</a>The mayor said <em>both</em> of',
      );
    });

    it('gives repeated claims distinct anchors', () => {
      const { citations } = run('It said.[@river-report: two bridges were] It said.[@river-later: Both bridges reopened]');
      expect(citations.map((c) => c.anchor)).toEqual(['claim-it-said', 'claim-it-said-2']);
    });

    it('fails on a quote not in the source, with file, line, column and the closest passage', () => {
      expect(() => run('Both reopened.[@river-later: Both bridges reopened]\n\nClaim.[@river-report: three bridges were closed]')).toThrow(
        /flood\.mdx:3:7: quote not found in source "river-report": "three bridges were closed"\n {2}Did you mean \(paragraph p1\): "two bridges were closed"/,
      );
    });

    it('fails on an unknown source with the known ids, closest first', () => {
      expect(() => run('Claim.[@river-reprot: two bridges were]')).toThrow(/unknown source id "river-reprot"\n {2}Known ids, closest first: river-report, river-later/);
    });

    it('fails on an ambiguous quote, listing the places', () => {
      expect(() => run('Claim.[@river-report: said]')).toThrow(/quote matches 2 places in source "river-report"[\s\S]*paragraph p1 at \d+-\d+; paragraph p2/);
    });

    it('fails on an uncited paragraph of a claims page, but not on exempt text', () => {
      expect(() => run('Cited.[@river-later: Both bridges reopened]\n\nNot cited.')).toThrow(/flood\.mdx:3:1: uncited claim: "Not cited\./);
      expect(() => run('Not cited.', { kind: 'editorial' })).not.toThrow();
      expect(() => run('<Note>\n\nOur own remark.\n\n</Note>\n\n<nav aria-label="Next">\n\nRead [a page](/x/) next.\n\n</nav>\n\n[A link](/x/) · [Another](/y/)')).not.toThrow();
      // The old exemptions are gone: a comment and an <aside> no longer excuse a claim.
      expect(() => run('Not a claim. {/* not a claim */}')).toThrow(/uncited claim/);
      expect(() => run('<aside>\n\nAn aside.\n\n</aside>')).toThrow(/<aside…> is not allowed in content/);
    });

    it('fails on a citation with nothing before it, or inside emphasis', () => {
      expect(() => run('[@river-report: two bridges were] Claim.')).toThrow(/flood\.mdx:1:1: a citation must follow the claim/);
      expect(() => run('*Claim.[@river-report: two bridges were]*')).toThrow(/inside emphasis/);
    });
  });

  it('leaves a document outside the content folder alone', () => {
    const { html, frontmatter } = renderPage(processor, { path: '/site/src/pages/other.md', text: 'Text.[@river-report: nowhere]', contentDir: '/site/content', index });
    expect(html).toContain('Text.[@river-report: nowhere]');
    expect(frontmatter).toEqual({});
  });

  describe('citations: notes, headings, tables and exceptions', () => {
    const notesOf = (markdown: string) => renderPage(processor, { path: '/site/content/pages/flood.mdx', text: markdown, contentDir: '/site/content', index }).frontmatter.notes;

    it("renders <Note> as the site's marked remark and lists it as a note", () => {
      const { html } = run('<Note>\n\nThe sources do not say when the bridges reopened.\n\n</Note>');
      expect(html).toMatch(/<div role="note" class="site-note">\s*<p>The sources do not say when the bridges reopened\.<\/p>\s*<\/div>/);
      expect(notesOf('<Note>\n\nThe sources do not say.\n\n</Note>')).toEqual([{ text: 'The sources do not say.' }]);
    });

    it('refuses a citation in a heading', () => {
      expect(() => run('## Closed, the mayor said[@river-report: two bridges were closed]')).toThrow(/flood\.mdx:1:1: a citation is inside a heading/);
    });

    it('reads a table row as one claim: its label cells need no citation, its cells are read under their headers', () => {
      const table = (cell: string) => `| Reported by | What they reported |\n| --- | --- |\n| The mayor | ${cell} |`;
      expect(() => run(table('Two bridges closed.[@river-report: two bridges were closed]'))).not.toThrow();
      expect(() => run(table('Two bridges closed.'))).toThrow(/flood\.mdx:3:13: uncited table cell: "Two bridges closed\./);
    });

    it('applies a reviewed exception, records it in the ledger, and refuses one that matches nothing', () => {
      const exceptions = [{ rule: 'attribution', quote: 'two bridges were closed', reason: 'The attribution is to the mayor, whose office is the subject here.' }];
      const { citations } = run('Two bridges were closed.[@river-report: two bridges were closed]', { exceptions });
      expect(citations[0].exception).toEqual({ rule: 'attribution', reason: exceptions[0].reason });
      expect(() => run('The mayor said so.[@river-report: two bridges were closed]', { exceptions })).toThrow(/matches no citation that needs it/);
      expect(() => run('Text said.[@river-report: two bridges were closed]', { exceptions: [{ rule: 'attribution', quote: 'x', reason: 'short' }] })).toThrow(/front matter "exceptions"/);
      // The new judgement rules take reviewed exceptions the same way.
      const quoted = [{ rule: 'quoted-in-source', quote: 'two bridges were closed', reason: 'The report gives these words as the mayor’s, in indirect speech that the claim keeps.' }];
      expect(run('The mayor said "two bridges were closed".[@river-report: two bridges were closed]', { exceptions: quoted }).citations[0].exception).toEqual({
        rule: 'quoted-in-source',
        reason: quoted[0].reason,
      });
    });

    it("shows a citation's speaker to the reader in the preview and the endnote", () => {
      const { html } = run('The council said it was stable.[@river-report (council): the water was stable]');
      expect(html).toContain('<span class="cite-preview-speaker">(statement by council)</span>');
    });

    it("labels each claim's passage with that claim's own speaker, however many claims share the passage", () => {
      const { html, citations } = run(
        'The mayor said so.[@river-report (mayor): The mayor said two bridges were closed.] The council said so too.[@river-report (council): The mayor said two bridges were closed.] It was reported.[@river-report: The mayor said two bridges were closed.]',
      );
      // One note per passage and speaker: three notes, each with its own label (or none).
      expect(citations.map((c) => [c.speaker, c.note])).toEqual([
        ['mayor', 1],
        ['council', 2],
        [null, 3],
      ]);
      const endnotes = html.slice(html.indexOf('role="doc-endnotes"'));
      expect([...endnotes.matchAll(/<li id="note-(\d)"[^>]*>.*?<\/li>/g)].map((m) => [m[1], /endnote-speaker">\(statement by (\w+)\)/.exec(m[0])?.[1] ?? null])).toEqual([
        ['1', 'mayor'],
        ['2', 'council'],
        ['3', null],
      ]);
      expect([...html.matchAll(/cite-preview-speaker">\(statement by (\w+)\)/g)].map((m) => m[1])).toEqual(['mayor', 'council']);
    });
  });

  describe('citations: passages with characters Markdown would format', () => {
    const markup = new QuoteIndex([archivedSource('tweets', ['He wrote: the *urgent* call for `restraint` on the_border_post was ignored.'])]);
    const render = (markdown: string) => {
      const { html, frontmatter } = renderPage(processor, { path: '/site/content/pages/x.mdx', text: markdown, contentDir: '/site/content', index: markup });
      return { html, citations: frontmatter.citations as PageCitation[] };
    };

    it('reads *, _ and backticks inside a quote as the characters written', () => {
      const { citations, html } = render('He wrote that the call was ignored.[@tweets: the *urgent* call for `restraint` on the_border_post] Then more.');
      expect(citations[0].quote).toBe('the *urgent* call for `restraint` on the_border_post');
      expect(html).toContain(' Then more.');
      expect(html).not.toContain('<em>urgent</em>');
    });
  });

  describe('citations: each faithfulness rule fails with file, line, column and its name', () => {
    const rules = new QuoteIndex([
      archivedSource('river-report', [
        'The mayor said two bridges were closed.',
        'The council said the water was stable.',
        'Politically it matters for the mayor, who pledged that he would “force” a vote.',
      ]),
      archivedSource('river-copy', ['The mayor called for “a total reopening” of the bridges.'], { publisher: 'Copy Times', reworded: true }),
    ]);
    const fails = (markdown: string) => () => renderPage(processor, { path: '/site/content/pages/flood.mdx', text: markdown, contentDir: '/site/content', index: rules });
    it.each([
      ['quoted-words', '<Note>\n\nIntro.\n\n</Note>\n\nThe mayor said "three bridges" shut.[@river-report: two bridges were closed]', /flood\.mdx:7:37: \[quoted-words\]/],
      ['reworded-copy', 'The mayor said he wanted "a total reopening".[@river-copy (mayor): called for “a total reopening” of the bridges]', /flood\.mdx:1:46: \[reworded-copy\]/],
      ['attribution', 'Two bridges were closed.[@river-report: two bridges were closed]', /flood\.mdx:1:25: \[attribution\]/],
      ['speaker-statement', 'The water level is unknown.[@river-report (council): the water was stable]', /flood\.mdx:1:28: \[speaker-statement\]/],
      ['quote-length', 'The mayor said so.[@river-report: bridges were]', /flood\.mdx:1:19: \[quote-length\]/],
      ['quoted-in-source', 'The mayor said "two bridges were closed".[@river-report: two bridges were closed]', /flood\.mdx:1:42: \[quoted-in-source\]/],
      [
        'unsupported-detail',
        'The mayor said two bridges in Lyon were closed.[@river-report: two bridges were closed]',
        /flood\.mdx:1:48: \[unsupported-detail\] "Lyon" is in no passage this claim cites\n {2}A name, number or date must come from a cited passage/,
      ],
      [
        'reworded-copy, speaker',
        'The mayor said two bridges were closed.[@river-report (mayor): The mayor said two bridges were closed.][@river-copy (mayor): called for “a total reopening” of the bridges]',
        /flood\.mdx:1:104: \[reworded-copy\] the citation gives Copy Times's quotation as mayor's words/,
      ],
      ['speaker-words', 'The mayor pledged to "force" a vote.[@river-report (mayor): who pledged that he would “force” a vote]', /flood\.mdx:1:37: \[speaker-words\]/],
      ['confusable-letters', 'The mayor said two bridges were closed.[@river-report: two bridges wеre closed]', /\[confusable-letters\] "wеre" in the quote/],
    ])('%s', (_rule, markdown, error) => {
      expect(fails(markdown)).toThrow(error);
    });
  });
});
