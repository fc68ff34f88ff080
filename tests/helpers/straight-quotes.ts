import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * Typography, checked on the built HTML (issue 10): text a reader sees has typographer's quotes
 * and apostrophes. Left as written: the source's own words (a quotation, q or blockquote; an
 * archived text, .archive-text), code, and what is not text on the page (scripts, styles,
 * templates, attributes).
 */
const verbatimTags = new Set(['q', 'blockquote', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'template']);
const verbatimClasses = ['archive-text'];

/** Each text with a straight quote or apostrophe outside those, with the element around it. */
export function straightQuotes(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent, parent: string) => {
    if (node.type === 'text' && /['"]/.test(node.value)) found.push(`${parent}: ${node.value.trim().slice(0, 100)}`);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && isVerbatim(node)) return;
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
