import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * Typography, checked on the built HTML (issue 10): text a reader sees has typographer's quotes
 * and apostrophes, and so do the attributes whose words a reader is given (aria-label, alt,
 * title, placeholder, the description a search engine shows). Left as written: the source's own
 * words (a quotation, q or blockquote; an archived text, .archive-text), code, and what is not
 * text on the page (scripts, styles, templates, other attributes).
 */
const verbatimTags = new Set(['q', 'blockquote', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'template']);
const verbatimClasses = ['archive-text'];

/** Attributes whose words a reader is given: read aloud, shown on hover, or shown by a search engine or a link preview. */
const readerAttributes = ['ariaLabel', 'alt', 'title', 'placeholder'];
const readerMeta = new Set(['description', 'og:title', 'og:description', 'twitter:title', 'twitter:description']);

/** Each text or reader-facing attribute with a straight quote or apostrophe outside those, with the element around it. */
export function straightQuotes(html: string): string[] {
  const found: string[] = [];
  const straight = /['"]/;
  const visit = (node: Root | RootContent, parent: string) => {
    if (node.type === 'text' && straight.test(node.value)) found.push(`${parent}: ${node.value.trim().slice(0, 100)}`);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && isVerbatim(node)) return;
    if (node.type === 'element') {
      const { properties } = node;
      const meta = node.tagName === 'meta' && readerMeta.has(String(properties.name ?? properties.property ?? ''));
      for (const [name, value] of Object.entries(properties)) {
        if ((readerAttributes.includes(name) || (meta && name === 'content')) && straight.test(String(value))) found.push(`${node.tagName} ${name}: ${String(value).slice(0, 100)}`);
      }
    }
    const name = node.type === 'element' ? node.tagName : parent;
    for (const child of node.children) visit(child, name);
  };
  visit(fromHtml(html), 'document');
  return found;
}

function isVerbatim(element: Element): boolean {
  const classes = (element.properties.className as string[] | undefined) ?? [];
  return verbatimTags.has(element.tagName) || classes.some((name) => verbatimClasses.includes(name));
}
