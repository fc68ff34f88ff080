import type { Node, Parent, Root } from 'mdast';
import type { Position } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import { ContentError } from '../lib/content-error.ts';
import { assertPageDirective, componentPlaceholder, isComponentDirective, isLabel, isLayoutDirective, layoutElement, pageDirectivesSyntax } from './page-directives.ts';

/**
 * The site's own remark, which is not a claim and needs no citation: `<Note>…</Note>` in an MDX
 * page, a `:::note` container directive in a Markdown page (one of the two directives a page may
 * hold; the other is `:::nav[name]`, below).
 * Both render alike, as `<div role="note" class="site-note">`, and are listed in the ledger as notes.
 */

/** The note element of an MDX page: <Note>…</Note>. */
export const noteElement = 'Note';

/** The name of the note directive: `:::note` opens a note in a Markdown page, `:::` closes it. */
export const noteDirective = 'note';

/** How a note renders: as the site's own remark, never as a component. */
export const siteNoteProperties = { role: 'note', className: ['site-note'] };

/**
 * The site's navigation in a page ("Read next: …"), which points to pages of the site, not at the
 * world, and needs no citation (cite-page.ts checks that it only links within the site): `<nav aria-label="…">` in an MDX page, `:::nav[label]` in a
 * Markdown page, whose label names the landmark.
 */
export const navDirective = 'nav';

type NamedNode = Node & { name?: string | null; attributes?: unknown; children?: Node[]; data?: Record<string, unknown> };

export const isNote = (node: Node): boolean => {
  const { type, name } = node as NamedNode;
  return ((type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') && name === noteElement) || (type === 'containerDirective' && name === noteDirective);
};

/** A Markdown page's :::nav[name], which the adapters render as <nav> (siteNav). */
export const isNavDirective = (node: Node): boolean => node.type === 'containerDirective' && (node as NamedNode).name === navDirective;

/** Navigation in either format: <nav> in an MDX page, :::nav in a Markdown page. */
export const isNav = (node: Node): boolean => (node.type === 'mdxJsxFlowElement' && (node as NamedNode).name === 'nav') || isNavDirective(node);

/** The parser feature (Sätteri's) that gives Markdown pages :::note and :::nav; MDX pages and data fields are parsed without it. */
export const noteParsing = { directive: true } as const;

/** Whether a file is parsed with noteParsing (integration/index.ts): Markdown pages are. */
export const readsDirectives = (file: string): boolean => file.endsWith('.md');

/** What an author writes to open a note, and a whole note, in the file's format (for hints in errors). */
export const noteOpening = (file: string): string => (readsDirectives(file) ? `:::${noteDirective}` : `<${noteElement}>`);
export const noteSyntax = (file: string): string => (readsDirectives(file) ? `:::${noteDirective} … :::` : `<${noteElement}>…</${noteElement}>`);

/** A node of ours that both processors render as the element named in its data, children as they are. */
export interface SiteNoteNode {
  type: 'siteNote';
  children: Node[];
  position?: Position;
  data: { hName: 'div' | 'span'; hProperties: typeof siteNoteProperties };
}

/** What a note is replaced with, by either adapter: a plain div (or span, inside a line) with the note's role and class. */
export function siteNote(note: Node): SiteNoteNode {
  const { type, children = [], position } = note as NamedNode;
  return { type: 'siteNote', children, position, data: { hName: type === 'mdxJsxTextElement' ? 'span' : 'div', hProperties: siteNoteProperties } };
}

/** The text of a :::nav's label. */
const labelOf = (nav: Node): string =>
  ((nav as NamedNode).children ?? [])
    .filter(isLabel)
    .flatMap((label) => (label as NamedNode).children ?? [])
    .map((child) => (child as { value?: string }).value ?? '')
    .join('')
    .trim();

/** A node of ours that both processors render as a nav element named by its label. */
export interface SiteNavNode {
  type: 'siteNav';
  children: Node[];
  position?: Position;
  data: { hName: 'nav'; hProperties: { ariaLabel: string } };
}

/** What a :::nav is replaced with, by either adapter: <nav aria-label="label"> around its content, as an MDX page writes it. */
export function siteNav(nav: Node): SiteNavNode {
  const { children = [], position } = nav as NamedNode;
  return { type: 'siteNav', children: children.filter((child) => !isLabel(child)), position, data: { hName: 'nav', hProperties: { ariaLabel: labelOf(nav) } } };
}

/**
 * What each adapter replaces, and with what (remark-citations.ts, satteri-citations.ts): a note
 * with the site's marked remark, :::nav[label] with a nav element, a layout directive with its
 * element and a component's directive with its placeholder (page-directives.ts).
 */
export const siteElementReplacements: ReadonlyArray<readonly [test: (node: Node) => boolean, replacement: (node: Node) => unknown]> = [
  [isNote, siteNote],
  [isNavDirective, siteNav],
  [isLayoutDirective, layoutElement],
  [isComponentDirective, componentPlaceholder],
];

const fence = /^[ \t>]*:{3,}/m;

const howToWrite = `A note is a line ":::${noteDirective}", the note's text on the lines after it, and a line ":::" that closes it; navigation is the same with ":::${navDirective}[its name]", as ":::${navDirective}[Read next]".`;

/**
 * A Markdown page may hold `:::note` and `:::nav[label]`, and the layout and component directives
 * of page-directives.ts (checked there), and no other directive. The parser reads
 * any `:::name`, `::name` or `:name` as one and renders one it does not know as nothing, so each
 * must be well formed or fail the build: an unknown directive, attributes, a note with a label or
 * a nav without one, a note or nav inside another, one never closed, or a line of colons that
 * opens or closes nothing. (A `:name` inside a line, as in "10:30", is refused where the claims
 * are read: mdast-claims.ts.)
 */
export function assertNotesWellFormed(tree: Root, file: string, source: string): void {
  visitParents(tree, (node, ancestors) => {
    const n = node as NamedNode;
    const fail = (message: string, hint: string): never => {
      throw new ContentError({ file, line: n.position?.start.line, column: n.position?.start.column, message, hint });
    };
    const known = n.name === noteDirective || n.name === navDirective;
    // Layout and components may stand anywhere a note or navigation may, as in MDX, whose
    // allow-list does not forbid <PlaceMap> in <Note> either: their own rules are page-directives.ts's.
    if (isLayoutDirective(n) || isComponentDirective(n)) {
      assertPageDirective(n, file);
      if (n.type === 'containerDirective' && !closed(n as Parent, source))
        fail(`this :::${n.name} is never closed`, 'End it with a line of three colons, :::, after its last line; a container around another needs a longer fence (::::div … ::::).');
      return;
    }
    if (n.type === 'leafDirective' || (n.type === 'containerDirective' && !known)) {
      fail(
        `unknown directive "${n.type === 'leafDirective' ? '::' : ':::'}${n.name}": the directives a page may hold are :::${noteDirective}, :::${navDirective}[…], ${pageDirectivesSyntax}`,
        `${howToWrite} Layout and components: docs/authoring.md.`,
      );
    }
    if (n.type === 'containerDirective') {
      const opening = `:::${n.name}`;
      if (Object.keys(n.attributes ?? {}).length > 0) fail(`${opening} takes no attributes ({…})`, `Remove the braces after ${opening}.`);
      if (n.name === noteDirective && n.children?.some(isLabel)) {
        fail(`:::${noteDirective} takes no label ([…])`, `Remove the brackets after :::${noteDirective} and write their words in the note.`);
      }
      const label = n.children?.find(isLabel) as NamedNode | undefined;
      if (n.name === navDirective && label?.children?.some((child) => child.type !== 'text' || /\[@/.test((child as { value?: string }).value ?? ''))) {
        fail(`the name of a :::${navDirective} is plain text`, `Write it without formatting, links or citations, as :::${navDirective}[Read next].`);
      }
      if (n.name === navDirective && labelOf(n) === '') fail(`:::${navDirective} needs a name in brackets`, `Name it for people who use screen readers, as :::${navDirective}[Read next].`);
      const what = n.name === noteDirective ? 'note' : 'navigation';
      if (ancestors.some(isNote))
        fail(`a ${what} inside a note`, what === 'note' ? 'Close the first note with ::: before opening the next, or merge the two.' : 'Move the navigation out of the note.');
      if (ancestors.some(isNav))
        fail(`a ${what} inside navigation`, what === 'note' ? 'Move the note out of the navigation.' : 'Close the navigation with ::: before opening the next, or merge the two.');
      if (!closed(n as Parent, source)) fail(`this ${opening} is never closed`, `End the ${what} with a line of three colons, :::, after its last line.`);
    }
    if (n.type === 'paragraph' && n.position && fence.test(source.slice(n.position.start.offset, n.position.end.offset))) {
      fail(
        'a line of colons here opens or closes no note',
        `${howToWrite} Anything else on the opening line (a space, another name, text) makes it no note; a ":::" with no note open closes nothing: remove it.`,
      );
    }
  });
}

/** Whether a note ends with its closing fence, a line of colons after its last child (the parser ends an unclosed note with its parent). */
function closed(note: Parent, source: string): boolean {
  const start = note.position?.start.offset;
  const end = note.position?.end.offset;
  if (start === undefined || end === undefined) return true;
  const openingEnd = source.indexOf('\n', start);
  const from = note.children.at(-1)?.position?.end.offset ?? (openingEnd < 0 || openingEnd > end ? end : openingEnd);
  return fence.test(source.slice(from, end));
}
