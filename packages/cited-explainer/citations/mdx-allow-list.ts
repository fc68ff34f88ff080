import { tokenizer, tokTypes } from 'acorn';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { z } from 'zod';
import { ContentError } from '../lib/content-error.ts';
import { contentComponentNames, contentComponentProps, layoutElementProps, noteProps } from '../schemas/content-props.ts';
import { checkedProps } from './element-props.ts';
import { noteElement, noteOpening } from './site-note.ts';

/**
 * Content is data: an MDX page may hold Markdown, citations, comments, the site's note element
 * and the components listed in schemas/content-props.ts with the props listed there, nothing
 * that runs code at build time or in the reader's browser (a Markdown page: Markdown, citations,
 * :::note and :::nav[name], never raw HTML). This check runs on every page in the Markdown processor's mdast
 * stage, before the page is compiled to JavaScript, so an import of a Node module, an expression
 * reading the environment, a <script> or a redirect never reaches the code that would run it.
 */

/** Every element a page may write, with the schema of its props. */
const elementProps: Record<string, z.ZodObject> = { ...contentComponentProps, [noteElement]: noteProps, ...layoutElementProps };
const layoutNames = Object.keys(layoutElementProps);

const safeUrl = /^(?:https?:\/\/|mailto:|#|\/(?!\/)|\.{1,2}\/|[\w-]+(?:[/.#?]|$))/i;

type Position = { start: { line: number; column: number } };
interface MdxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: MdxAttribute[];
  children?: unknown[];
  data?: { estree?: { body: unknown[] } };
  position?: Position;
}

/**
 * Whether an expression's source holds nothing but comments and white space: no token at all, read
 * by acorn, the parser MDX itself reads expressions with (as a module: no `<!--` or `#!` comments).
 * Where the parser left its estree on the node (remark-mdx), that must hold no statement either.
 */
export function isCommentOnly(source: string, estree?: { body: unknown[] }): boolean {
  if (estree && estree.body.length > 0) return false;
  try {
    return tokenizer(source, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: false }).getToken().type === tokTypes.eof;
  } catch {
    // An unterminated comment or a character no JavaScript token starts with: not a comment.
    return false;
  }
}

const allowedProps = (schema: z.ZodObject) => Object.keys(schema.shape).join(', ') || 'none';

export function assertContentIsData(tree: Root, file: string): void {
  visit(tree, (node) => {
    const n = node as unknown as MdxNode;
    // Attributes are named by their element's position: Sätteri gives attributes none.
    const fail = (message: string, hint: string): never => {
      throw new ContentError({ file, line: n.position?.start.line, column: n.position?.start.column, message, hint });
    };
    switch (n.type) {
      case 'mdxjsEsm':
        return fail(
          'imports and exports are not allowed in content: content is data, never code',
          `Remove the line. Components need no import: ${contentComponentNames.join(', ')}, and <${noteElement}> for a note.`,
        );
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(n.value ?? '', n.data?.estree))
          fail(`an expression {${(n.value ?? '').slice(0, 40)}} is not allowed in content: content is data, never code`, 'Write the text itself; only comments {/* … */} may stand in braces.');
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return assertElementAllowed(n, fail);
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

/** An element must be listed, and carry only the props its schema lists, each a literal string. */
function assertElementAllowed(n: MdxNode, fail: (message: string, hint: string) => never): void {
  const name = n.name ?? '';
  const schema = Object.hasOwn(elementProps, name) ? elementProps[name] : undefined;
  if (!schema) {
    fail(
      `<${name || '>'}…> is not allowed in content`,
      `Allowed: Markdown, citations, <${noteElement}> for the site's own remark, the components ${contentComponentNames.join(', ')}, and ${layoutNames.map((e) => `<${e}>`).join(', ')} for layout.`,
    );
    return;
  }
  // The components render no children: text between their tags would be dropped without a word.
  if (Object.hasOwn(contentComponentProps, name) && (n.children?.length ?? 0) > 0) {
    fail(`<${name}> takes nothing between its tags`, `Write <${name} /> and put the text before or after it.`);
  }
  const attributes = (n.attributes ?? []).map((attribute) => {
    if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string')) {
      fail(`<${name}> has an attribute that is an expression: content is data, never code`, 'Give attributes as plain strings: name="value".');
    }
    return [attribute.name ?? '', typeof attribute.value === 'string' ? attribute.value : undefined] as const;
  });
  checkedProps(schema, attributes, { element: `<${name}>`, propOf: (attribute) => attribute, attributeOf: (prop) => prop, allowedHint: `Allowed on <${name}>: ${allowedProps(schema)}.`, fail });
}
