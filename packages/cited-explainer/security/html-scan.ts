import { type DefaultTreeAdapterMap, parse } from 'parse5';

/**
 * Built pages as a browser reads them, for the dist check (dist-check.ts): parse5 (the WHATWG
 * HTML parser) builds the tree, and every element is visited in document order with its attributes
 * (character references decoded) and, for a script or style, its text. What the parser drops (a
 * form inside a form, a repeated attribute) a browser drops too; `<noscript>` is read as markup,
 * as a browser without JavaScript reads it, so nothing can hide in it.
 */

export interface StartTag {
  /** Lower-case element name. */
  name: string;
  /** Lower-case attribute names ("xlink:href" with its prefix) to values (the first of a repeated attribute wins, as in a browser). */
  attributes: Map<string, string>;
}

interface HtmlVisitor {
  tag(tag: StartTag): void;
  /** The text of a script or style element, exactly as a CSP hash covers it. */
  rawText?(tag: StartTag, text: string): void;
}

type Node = DefaultTreeAdapterMap['node'];

/** Elements whose content is text, never markup: what rawText receives. */
const RAW_TEXT = new Set(['script', 'style']);

/** Calls the visitor for every element of `html`, in document order, and for the text of scripts and styles. */
export function scanHtml(html: string, visitor: HtmlVisitor): void {
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const tag: StartTag = { name: node.tagName, attributes: new Map(node.attrs.map((attribute) => [attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name, attribute.value])) };
      visitor.tag(tag);
      if (RAW_TEXT.has(tag.name)) visitor.rawText?.(tag, node.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : '')).join(''));
      if (node.tagName === 'template') visit((node as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html, { scriptingEnabled: false }));
}
