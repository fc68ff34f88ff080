import { describe, expect, it } from 'vitest';
import { isReservedId } from '../../packages/cited-explainer/citations/heading-ids.ts';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { maxNesting } from '../../packages/cited-explainer/citations/nesting.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { type Processor, processors, renderPage } from './citation-processors.ts';

/**
 * What a page's shape may not be, refused alike by every processor in both formats: a heading whose
 * id the page's layout or the citation engine already uses, and nesting deeper than maxNesting.
 */
const index = new QuoteIndex([archivedSource('river-report', ['The mayor said two bridges were closed.'])]);
const cited = 'The mayor said two bridges were closed.[@river-report: two bridges were closed]';

/** The error each path gives for a page, or "rendered". */
function outcomes(text: string, on: readonly Processor[] = processors): string[] {
  return on.flatMap((processor) =>
    (['md', 'mdx'] as const).map((format) => {
      try {
        renderPage(processor, { path: `/site/content/pages/flood.${format}`, text, contentDir: '/site/content', index });
        return 'rendered';
      } catch (error) {
        return String(error).replace(`flood.${format}`, 'flood.<ext>');
      }
    }),
  );
}

describe('reserved heading ids', () => {
  it('reserves the ids the layout and components write, read from their templates', () => {
    for (const id of ['main', 'top', 'toc-heading', 'site-search-input', 'site-search-panel', 'cite-page-title', 'cite-page-title-0', 'editors-note', 'editors-note-title'])
      expect(isReservedId(id), id).toBe(true);
  });

  it('reserves the ids the citation engine gives endnotes and claims', () => {
    for (const id of ['endnotes-title', 'note-3', 'sources-note-12', 'claim-the-mayor-said', 'preview-claim-x']) expect(isReservedId(id), id).toBe(true);
    for (const id of ['notes', 'note-on-sources', 'claims', 'mainland', 'top-stories']) expect(isReservedId(id), id).toBe(false);
  });

  it.each([
    ['## Main', 'main'],
    ['### Top', 'top'],
    ['## Toc heading', 'toc-heading'],
    ['## Site search input', 'site-search-input'],
    ['## Note 3', 'note-3'],
  ])('refuses "%s" (id "%s") on every path, with its line', (heading, id) => {
    const results = outcomes(`${cited}\n\n${heading}\n\n${cited}\n`);
    expect(new Set(results).size, results.join('\n')).toBe(1);
    expect(results[0]).toContain(`flood.<ext>:3:1: the heading "${heading.replace(/^#+ /, '')}" would get the id "${id}"`);
  });

  it('accepts a heading repeated on a page: the second gets a numbered id', () => {
    expect(outcomes(`## Bridges\n\n${cited}\n\n## Bridges\n\n${cited}\n`)).toEqual(['rendered', 'rendered', 'rendered', 'rendered']);
  });
});

// Sätteri, the build's processor, parses in Rust and hands the engine the tree; the remark path (the
// tests' reference) overflows in remark-gfm's own recursion on 5,000 levels, before the engine runs.
describe("deep nesting, on the build's processor", () => {
  const quotes = (depth: number) => `${cited}\n\n${'>'.repeat(depth)} ${cited}\n`;
  const lists = (depth: number) => `${cited}\n\n${'- '.repeat(depth)}${cited}\n`;

  it.each([
    ['quotes', quotes],
    ['lists', lists],
  ])('5,000 levels of %s are refused on every path, at once, naming where the limit is crossed', (_, page) => {
    const results = outcomes(page(5000), ['satteri']);
    for (const result of results) expect(result).toMatch(new RegExp(`flood\\.<ext>:3:\\d+: content nested more than ${maxNesting} levels deep`));
  });

  it('a page just within the limit is built', () => {
    // Each quote level is one node below the root; the paragraph and its text are two more.
    expect(outcomes(quotes(maxNesting - 2))).toEqual(['rendered', 'rendered', 'rendered', 'rendered']);
    expect(outcomes(quotes(maxNesting + 1))[0]).toContain('nested more than');
  });
});
