import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { EXCLUDE_SELECTORS } from '../../packages/cited-explainer/search/config.ts';
import { forIndexing } from '../../packages/cited-explainer/search/integration.ts';
import { fileHashes } from '../helpers/site.ts';
import { tempDir } from '../helpers/temp-dir.ts';

// forIndexing cuts the citation previews and the endnotes before Pagefind reads a page, for speed
// (search/config.ts, CUT_BEFORE_INDEXING). That is right only while Pagefind, told to exclude them,
// writes the same index without them: checked here on a page of the generator's markup.
const page = (body: string) =>
  `<html lang="en"><head><title>Bridges</title></head><body><main data-pagefind-body><h1>Bridges</h1><h2 id="closed">Closed</h2><p><span id="claim-a" class="claim">The mayor said two bridges closed.</span><span class="cite">\u2060<sup class="cite-ref"><button type="button" class="cite-marker" popovertarget="preview-claim-a">1</button></sup><span id="preview-claim-a" popover="auto" class="cite-preview"><span class="cite-preview-bar"><button type="button">Close</button></span><span class="cite-passage"><q class="cite-preview-quote">two bridges were closed</q> <a href="/sources/river/#p1">Archived text, paragraph 1</a></span></span></span> The council met.</p>${body}</main></body></html>`;
const endnotes =
  '<div class="endnotes-wrapper"><section class="endnotes" role="doc-endnotes" aria-labelledby="endnotes-title"><h2 id="endnotes-title">Sources</h2><ol><li id="note-1"><q>two bridges were closed</q> — <a href="/sources/river/#p1">Archived text</a></li></ol></section></div>';

/** The digest of every file Pagefind writes for these pages, by its path, with the HTML as given or as forIndexing gives it. */
async function indexOf(pages: string[], transform: (html: string) => string): Promise<Record<string, string>> {
  const out = tempDir('index-cut-');
  const { index } = await createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
  if (!index) throw new Error('Pagefind did not start');
  for (const [i, html] of pages.entries()) await index.addHTMLFile({ url: `/page-${i}/`, content: transform(html) });
  await index.writeFiles({ outputPath: out });
  return fileHashes(out);
}

afterAll(() => close());

describe('the search index with and without the cut', () => {
  it('is the same, file for file, though the previews and endnotes are cut before Pagefind reads the page', async () => {
    const pages = [page(endnotes), page('<p>No citations here.</p>')];
    // The passage is quoted in the preview and the endnotes only.
    expect(forIndexing(pages[0], [])).toContain('two bridges were closed');
    expect(forIndexing(pages[0])).not.toContain('two bridges were closed');
    const excludedByPagefind = await indexOf(pages, (html) => forIndexing(html, []));
    const cutBefore = await indexOf(pages, (html) => forIndexing(html));
    expect(Object.keys(cutBefore).length).toBeGreaterThan(3);
    expect(cutBefore).toEqual(excludedByPagefind);
  });
});
