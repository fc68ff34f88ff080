import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as textOf } from 'hast-util-to-string';

/**
 * The promise, checked on the built HTML: every paragraph, list item, table row, caption and box a
 * reader sees on explainer, incident, actor, corridor and glossary pages carries a citation (a
 * marker, or a link to a cited claim or to an archived passage) or is marked as the site's own
 * note (role="note"). Navigation, the endnotes, the citation previews and "Cite this page" are the
 * site's interface, not text about the world.
 */
const blocks = new Set(['p', 'li', 'tr', 'figcaption', 'caption', 'dd', 'blockquote']);
const interfaceParts = (el: Element) => {
  const classes = (el.properties.className as string[] | undefined) ?? [];
  return (
    ['nav', 'header', 'footer', 'template'].includes(el.tagName) ||
    el.properties.role === 'note' ||
    el.properties.role === 'doc-endnotes' ||
    classes.some((c) => ['cite-preview', 'cite-page'].includes(c))
  );
};

const isElement = (node: RootContent): node is Element => node.type === 'element';
const descendants = (el: Element): Element[] => el.children.filter(isElement).flatMap((child) => [child, ...descendants(child)]);

/** Cited: a marker, a link to a claim, or a link to an archived paragraph (a statement's quoted passage). */
function carriesCitation(el: Element): boolean {
  return descendants(el).some((d) => {
    const classes = (d.properties.className as string[] | undefined) ?? [];
    const href = String(d.properties.href ?? '');
    return classes.includes('cite-marker') || /#claim-/.test(href) || /\/sources\/[^/]+\/#p\d+$/.test(href) || d.properties.role === 'note';
  });
}

/**
 * A line of links or a date label: its own words, outside links and dates, are at most a short label
 * ("Places:", "Earlier:"); a timeline entry's date above its linked title is such a line.
 */
function isLinkLine(el: Element): boolean {
  const own = (node: Element): string => node.children.map((child) => (child.type === 'text' ? child.value : isElement(child) && !['a', 'time'].includes(child.tagName) ? own(child) : ' ')).join('');
  return (
    descendants(el).some((d) => d.tagName === 'a' || d.tagName === 'time') &&
    own(el)
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length <= 3
  );
}

/** Blocks of a page's <main> with neither citation nor note, as their text. */
export function uncitedBlocks(html: string): string[] {
  const found: string[] = [];
  const walk = (el: Element) => {
    if (interfaceParts(el)) return;
    // A table's header row labels its columns.
    const headerRow = el.tagName === 'tr' && el.children.filter(isElement).every((cell) => cell.tagName === 'th');
    if (blocks.has(el.tagName) && textOf(el).trim() !== '' && !headerRow) {
      if (!carriesCitation(el) && !isLinkLine(el) && !(el.tagName === 'li' && el.children.filter(isElement).some((c) => blocks.has(c.tagName)))) {
        found.push(textOf(el).trim().replace(/\s+/g, ' ').slice(0, 100));
      }
      if (el.tagName !== 'li') return;
    }
    el.children.filter(isElement).forEach(walk);
  };
  const main = descendants({ type: 'element', tagName: 'root', properties: {}, children: (fromHtml(html) as Root).children } as Element).find((e) => e.tagName === 'main');
  if (main) main.children.filter(isElement).forEach(walk);
  return found;
}
