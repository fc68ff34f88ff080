import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/content-error.ts';
import { noteElement, noteOpening } from './site-note.ts';

/**
 * Content is data: an MDX page may hold Markdown, citations, comments, the site's note element
 * and the components listed here, nothing that runs code at build time or in the reader's
 * browser (a Markdown page: Markdown, citations and :::note, never raw HTML). This check runs on
 * every page before anything is compiled, so an import of a Node module, an expression reading the
 * environment, a <script> or a redirect never gets that far.
 */

/** Components a page may use without importing them; the routes pass them to the page (components/content-components.ts). */
export const contentComponents = ['PlaceMap', 'SourceProvenance', 'Corrections', 'ReviewedExceptions', 'EditorsNote'] as const;
export type ContentComponentName = (typeof contentComponents)[number];

/** Plain elements for layout, with the attributes they may carry (all literal strings). */
const layoutElements: Record<string, readonly string[]> = {
  div: ['className'],
  section: ['className', 'aria-label'],
  nav: ['aria-label'],
};

const componentNames = new Set<string>([...contentComponents, noteElement]);
const safeUrl = /^(?:https?:\/\/|mailto:|#|\/(?!\/)|\.{1,2}\/|[\w-]+(?:[/.#?]|$))/i;

interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number; column: number } };
}

const comment = /^\s*\/\*[\s\S]*?\*\/\s*$/;

export function assertContentIsData(tree: Root, file: string): void {
  visit(tree, (node) => {
    const n = node as unknown as MdxNode;
    const fail = (message: string, hint: string) => {
      throw new ContentError({ file, line: n.position?.start.line, column: n.position?.start.column, message, hint });
    };
    switch (n.type) {
      case 'mdxjsEsm':
        return fail(
          'imports and exports are not allowed in content: content is data, never code',
          `Remove the line. Components need no import: ${[...contentComponents].join(', ')}, and <${noteElement}> for a note.`,
        );
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!comment.test(n.value ?? ''))
          fail(`an expression {${(n.value ?? '').slice(0, 40)}} is not allowed in content: content is data, never code`, 'Write the text itself; only comments {/* … */} may stand in braces.');
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = n.name ?? '';
        const layout = layoutElements[name];
        if (!layout && !componentNames.has(name)) {
          fail(
            `<${name || '>'}…> is not allowed in content`,
            `Allowed: Markdown, citations, <${noteElement}> for the site's own remark, the components ${[...contentComponents].join(', ')}, and ${Object.keys(layoutElements)
              .map((e) => `<${e}>`)
              .join(', ')} for layout.`,
          );
        }
        for (const attribute of n.attributes ?? []) {
          if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') {
            fail(`<${name}> has an attribute that is an expression: content is data, never code`, 'Give attributes as plain strings: name="value".');
          }
          if (layout && !layout.includes(attribute.name!)) {
            fail(`<${name}> may not carry the attribute "${attribute.name}"`, `Allowed on <${name}>: ${layout.join(', ') || 'none'}.`);
          }
        }
        return;
      }
      case 'html':
        return fail('raw HTML is not allowed in content', `Write Markdown; use ${noteOpening(file)} for a remark of the site's own.`);
      case 'link':
      case 'image':
      case 'definition':
        if (!safeUrl.test((n.url ?? '').trim())) fail(`the address "${(n.url ?? '').slice(0, 60)}" is not allowed`, 'Link to a page of the site or to an http(s) address.');
        return;
    }
  });
}
