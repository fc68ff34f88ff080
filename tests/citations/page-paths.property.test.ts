import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { ContentError } from '../../packages/cited-explainer/lib/content-error.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { budget, hostileText } from '../helpers/hostile-text.ts';
import { renderPage } from './citation-processors.ts';

/**
 * Property-based tests of a page through the build's processor (Sätteri), as Markdown (.md) and as
 * MDX: hostile text, block structure nested to any depth, and headings of any words either render
 * or are refused with a ContentError naming the page's file and line, never another error (a stack
 * overflow, a TypeError) and never a hang. A Markdown page's errors are the ones that were only
 * logged (issue 20.1): the generators cover that path as the MDX one.
 */
const index = new QuoteIndex([archivedSource('river-report', ['The mayor said two bridges were closed.'])]);
const cited = 'The mayor said two bridges were closed.[@river-report: two bridges were closed]';

const block = fc.oneof(
  hostileText,
  fc.constant(cited),
  // Headings of any words, the layout's own ids among them.
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(hostileText, fc.constantFrom('Main', 'Top', 'Toc heading', 'Note 2', 'Sources'))).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  // Quotes and lists nested to any depth, around a cited sentence.
  fc.tuple(fc.constantFrom('>', '- ', '1. ', '> - '), fc.integer({ min: 1, max: 3000 })).map(([open, depth]) => `${open.repeat(depth)} ${cited}`),
);
const page = fc.array(block, { minLength: 1, maxLength: 5 }).map((blocks) => blocks.join('\n\n'));

/** True when the page rendered, or was refused as content; rethrows anything else. */
function renderedOrRefused(format: 'md' | 'mdx', text: string): boolean {
  const path = `/site/content/pages/flood.${format}`;
  try {
    renderPage('satteri', { path, text, contentDir: '/site/content', index });
    return true;
  } catch (error) {
    // MDX that does not parse is the MDX compiler's own error (the build names the file and line).
    if (format === 'mdx' && !(error instanceof ContentError) && !(error instanceof RangeError) && !(error instanceof TypeError)) return true;
    expect(error, String(error)).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(/flood\.mdx?(:\d+(:\d+)?)?: /);
    return true;
  }
}

describe.each(['md', 'mdx'] as const)('a .%s page on hostile input', (format) => {
  it('renders, or is refused with the file and line, never crashes or hangs', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        expect(renderedOrRefused(format, text)).toBe(true);
      }),
      budget(100),
    );
  });
});
