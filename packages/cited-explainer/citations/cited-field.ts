import type { Element, ElementContent } from 'hast';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { Locale } from '../i18n/locale.ts';
import { ContentError } from '../lib/content-error.ts';
import { fieldPosition } from '../lib/field-position.ts';
import type { CitationException } from '../schemas/exception.ts';
import { remarkSmartQuotes } from '../typography/remark-smart-quotes.ts';
import { groupClaims, rebuild, splitSegments } from './mdast-claims.ts';
import { assertContentIsData } from './mdx-allow-list.ts';
import type { PageResolver } from './resolve.ts';

/**
 * A cited data field: text from YAML or front matter (an actor's description, an incident's
 * summary, a map caption) written with the same citation syntax as MDX prose. It goes through the
 * same path: Markdown inline content, the allow-list, claims, the resolver and its rules. The
 * result is hast for the page, and the claims' records land in the resolver's ledger.
 */

export interface FieldLocation {
  file: string;
  /** Where the field's value starts in the file. */
  line: number;
  column: number;
}

export interface CiteFieldOptions {
  resolver: PageResolver;
  base: string;
  /** The site's words and date formats for the markers and previews. */
  locale?: Locale;
  where: FieldLocation;
  /** Keeps claim anchors unique when several entries share a page ("nikol-pashinyan-"). */
  anchorPrefix?: string;
  /** The field is a label (a role), not a statement: see ClaimInput.label. */
  label?: boolean;
  /** The reviewed exceptions of the field's file (its "exceptions"), which apply to its citations. */
  exceptions?: readonly CitationException[];
}

/** Where a top-level field's value starts in a data file or front matter ("role: Prime…" → the column of "P"). */
export function fieldLocation(file: string, text: string, key: string): FieldLocation {
  return { file, ...(fieldPosition(text, [key]) ?? { line: 1, column: 1 }) };
}

function parseField(text: string, where: FieldLocation): { paragraph: Paragraph; source: string } {
  const source = text.trim();
  const tree = fromMarkdown(source) as Root;
  // Positions inside the value, moved to where the value stands in its file.
  const shift = (point: { line: number; column: number }) => {
    if (point.line === 1) point.column += where.column - 1;
    point.line += where.line - 1;
  };
  visit(tree, (node) => {
    if (node.position) [node.position.start, node.position.end].forEach(shift);
  });
  assertContentIsData(tree, where.file);
  remarkSmartQuotes()(tree);
  const [first, ...rest] = tree.children;
  if (first?.type !== 'paragraph' || rest.length > 0) {
    throw new ContentError({ ...where, message: 'a cited field holds one paragraph of text', hint: 'Remove blank lines, list markers and headings from the value.' });
  }
  return { paragraph: first, source };
}

/** Renders a field whose every claim must be cited. */
export function citeField(text: string, options: CiteFieldOptions): ElementContent[] {
  const { paragraph, source } = parseField(text, options.where);
  const segments = splitSegments(paragraph.children, options.where.file, source);
  const claims = groupClaims(segments, options.where.file).map((claim) => ({ ...claim, label: options.label }));
  if (claims.length === 0) {
    throw new ContentError({
      ...options.where,
      message: `uncited field: "${text.slice(0, 70)}…" has no citation`,
      hint: "Cite the passage that supports it with [@source-id: exact words] after the text, or move the text to a note field if it is the site's own remark.",
    });
  }
  const trailing = segments.at(-1);
  if (trailing?.kind === 'inline' && /[\p{L}\p{N}]/u.test(plain(trailing.node))) {
    throw new ContentError({
      ...options.where,
      message: `uncited text at the end of the field: "${plain(trailing.node).trim().slice(0, 60)}"`,
      hint: 'Every claim ends with its citation: cite it, or remove it.',
    });
  }
  const resolved = options.resolver.resolve(claims, { file: options.where.file, anchorPrefix: options.anchorPrefix, exceptions: options.exceptions ?? [] });
  let next = 0;
  const children = rebuild(segments, () => resolved[next++], options.base, options.locale);
  return (toHast({ type: 'paragraph', children } as Paragraph) as Element).children;
}

/** Renders a field that is the site's own remark: Markdown, no citations. */
export function noteField(text: string, where: FieldLocation): ElementContent[] {
  const { paragraph, source } = parseField(text, where);
  if (splitSegments(paragraph.children, where.file, source).some((s) => s.kind === 'cite')) {
    throw new ContentError({ ...where, message: 'a note carries a citation', hint: "A note is the site's own remark; put cited text in the cited field." });
  }
  return (toHast(paragraph) as Element).children;
}

/** The text of a cited field without its citations: for meta descriptions, search and feeds. */
export function plainField(text: string): string {
  const tree = fromMarkdown(text.trim());
  remarkSmartQuotes()(tree);
  const paragraph = tree.children[0];
  if (paragraph?.type !== 'paragraph') return text.trim();
  return splitSegments(paragraph.children, '', text.trim())
    .map((s) => (s.kind === 'inline' ? plain(s.node) : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:])/g, '$1')
    .trim();
}

const plain = (node: PhrasingContent): string => ('value' in node ? node.value : 'children' in node ? node.children.map(plain).join('') : '');

/**
 * A rendered field without the full stop that ends its last claim ("13–14 November 2021." →
 * "13–14 November 2021"): a facts box's value is a label-like line, not a sentence. Only the last
 * claim's final stop goes; the claim's record in the ledger keeps the text as written.
 */
export function withoutFinalStop(nodes: readonly ElementContent[]): ElementContent[] {
  const copy = structuredClone(nodes) as ElementContent[];
  const claim = copy.findLast((node): node is Element => node.type === 'element' && ((node.properties.className as string[] | undefined) ?? []).includes('claim'));
  const last = claim?.children.at(-1);
  if (last?.type === 'text' && /[^.]\.$/.test(last.value)) last.value = last.value.slice(0, -1);
  return copy;
}
