import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import english from '../../../packages/cited-explainer/locales/en.json' with { type: 'json' };
import { builtSite, listPages, pagesContaining, readPage } from '../../helpers/site.ts';

// Design review 1 (items 4, 5, 11, 15): what a reader sees is written for a reader, and a source
// page leads with its article. Read from the built HTML of the real site.
const build = builtSite();
const pages = listPages(build.outDir);
const sourcePages = pages.filter((path) => /^\/sources\/[^/]+\/$/.test(path));
const actorPages = pages.filter((path) => /^\/actors\/[^/]+\/$/.test(path));
const explainers = pagesContaining(build.outDir, pages, 'class="explainer');

const children = (el: Element | Root): Element[] => (el.children as Root['children']).filter((child): child is Element => child.type === 'element');
const descendants = (el: Element | Root): Element[] => children(el).flatMap((child) => [child, ...descendants(child)]);
const classes = (el: Element) => (el.properties.className as string[] | undefined) ?? [];
/** Elements under `root` by tag and/or class: find(root, 'h3'), find(root, '.scope'), find(root, 'code.hash'). */
const find = (root: Element | Root, selector: string) => {
  const [tag, cls] = selector.split('.');
  return descendants(root).filter((el) => (!tag || el.tagName === tag) && (!cls || classes(el).includes(cls)));
};
const page = (path: string) => fromHtml(readPage(build.outDir, path));
const main = (path: string) => find(page(path), 'main')[0];

describe('no build state in what readers see', () => {
  it.each(pages)('%s: no "URL unknown"; no corrections paragraph or note bar in the footer without an address', (path) => {
    const tree = page(path);
    expect(textOf(find(tree, 'main')[0])).not.toMatch(/URL unknown/i);
    // The real site has no corrections address yet: the footer leaves the paragraph out.
    const footer = find(tree, 'footer')[0];
    expect(find(footer, '.corrections')).toEqual([]);
    expect(find(footer, '.site-note')).toEqual([]);
  });

  it('the about page still says plainly that no address is set', () => {
    expect(find(main('/about/'), '.corrections').map(textOf).join(' ')).toContain(english.corrections.noAddress);
  });
});

describe('source pages lead with the article', () => {
  it('there are source pages', () => expect(sourcePages.length).toBeGreaterThan(0));

  it.each(sourcePages)('%s: title, one meta line, scope line, two-line summary, the details disclosed, "Cite the original" (one line), then the text', (path) => {
    const article = find(main(path), 'article.source')[0];
    const order = children(article).map((el) => classes(el)[0] ?? el.tagName);
    expect(order.slice(0, 8)).toEqual(['kicker', 'h1', 'source-meta', 'scope', 'provenance-summary', 'provenance-notes', 'cite-page', 'h2']);
    const cite = children(article)[6];
    expect(cite.tagName).toBe('details');
    expect(children(children(cite)[0]).map((el) => el.tagName)).toEqual(['h2']);
    // The meta line's separators are drawn by its parts (CSS), so none ends a line on its own.
    expect(textOf(find(article, '.source-meta')[0])).not.toContain('·');
    // The hash and the certainty are behind the disclosure, not before the text.
    const notes = find(article, 'details.provenance-notes')[0];
    expect(find(notes, 'code.hash')).toHaveLength(1);
    expect(find(article, 'code.hash')).toHaveLength(1);
    expect(textOf(find(article, '.provenance-summary')[0])).not.toMatch(/Certainty|SHA-256/);
  });

  it.each(sourcePages)('%s: "Cited on this site" links each page once and each sentence only by its ¶', (path) => {
    for (const group of find(main(path), 'section.cited-by')) {
      expect(find(group, 'h3').flatMap((h3) => find(h3, 'a'))).toHaveLength(1);
      for (const item of find(group, 'li')) {
        const links = find(item, 'a');
        expect(links.map(textOf)).toEqual([expect.stringMatching(/^¶\d+$/)]);
        expect(String(links[0].properties.href)).toMatch(/^#p\d+$/);
      }
    }
  });
});

describe('actor pages', () => {
  it('there are actor pages', () => expect(actorPages.length).toBeGreaterThan(0));

  it.each(actorPages)('%s: no section that only says it is empty; "Also written" never repeats a word of the name', (path) => {
    const body = main(path);
    expect(find(body, 'p.site-note').map(textOf)).toEqual([]);
    const nameWords = textOf(find(body, 'h1')[0]).toLowerCase().split(/\s+/);
    const shown = find(body, 'dl.actor-facts')
      .flatMap((dl) => find(dl, 'span.site-note'))
      .flatMap((span) => textOf(span).split('; '));
    for (const other of shown) expect(nameWords, `${path}: ${other}`).not.toContain(other.toLowerCase());
  });
});

describe('scope and print', () => {
  it.each(['/sources/', '/data/', ...sourcePages])('%s: one scope line', (path) => {
    expect(find(main(path), '.scope')).toHaveLength(1);
  });

  it.each(explainers.filter((path) => path !== '/'))('%s: a print-only copy of the editors’ note, kept out of search', (path) => {
    const copies = find(main(path), 'aside.print-only');
    expect(copies).toHaveLength(1);
    expect(classes(copies[0])).toContain('editors-note');
    expect(copies[0].properties.dataPagefindIgnore).toBe('all');
  });
});
