import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite, listPages } from '../../helpers/site.ts';
import { uncitedBlocks } from '../../helpers/uncited-blocks.ts';

/**
 * The promise, checked on the built HTML: every paragraph, list item, table row, caption and box a
 * reader sees on explainer, incident, actor, corridor and glossary pages carries a citation (a
 * marker, or a link to a cited claim or to an archived passage) or is marked as the site's own
 * note (role="note"). Navigation, the endnotes, the citation previews and "Cite this page" are the
 * site's interface, not text about the world.
 */

const checked = (path: string) => /^\/(background|corridors|incidents|actors|glossary)\//.test(path);

describe('every sentence a reader sees is cited or marked as a note', () => {
  it('finds uncited text in a made-up page (the check can fail)', () => {
    const page = (body: string) => `<html><body><main>${body}</main></body></html>`;
    expect(uncitedBlocks(page('<p>Russia started the war.</p><div role="note"><p>Our remark.</p></div>'))).toEqual(['Russia started the war.']);
    expect(uncitedBlocks(page('<p>A claim.<sup><button class="cite-marker">1</button></sup></p><nav><p>Read next</p></nav>'))).toEqual([]);
    // A timeline entry's date label passes; a sentence around a date does not.
    expect(uncitedBlocks(page('<p class="timeline-date"><time datetime="2022-03-21">21 March 2022</time></p>'))).toEqual([]);
    expect(uncitedBlocks(page('<p>On <time datetime="2022-03-21">21 March 2022</time> the gas supply was cut.</p>'))).toEqual(['On 21 March 2022 the gas supply was cut.']);
    expect(uncitedBlocks(page('<table><tr><td>The mayor</td><td>Two dead</td></tr></table>'))).toEqual(['The mayorTwo dead']);
  });

  it('on every explainer, incident, actor, corridor and glossary page of the real site', () => {
    const { outDir } = builtSite();
    const pages = listPages(outDir).filter(checked);
    expect(pages.length).toBeGreaterThan(40);
    const uncited = pages.flatMap((path) => uncitedBlocks(readFileSync(join(outDir, path, 'index.html'), 'utf8')).map((text) => `${path}: ${text}`));
    expect(uncited).toEqual([]);
  });
});
