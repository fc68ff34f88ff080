import type { ElementContent, Properties } from 'hast';
import type { Data, PhrasingContent, Text } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import { defaultLocale, type Locale } from '../i18n/locale.ts';
import { ContentError } from '../lib/content-error.ts';
import { claimLink, claimMarker } from './render.ts';
import type { ClaimInput, ResolvedClaim } from './resolve.ts';
import { type CitationToken, findCitations } from './syntax.ts';

/**
 * Claims in an mdast block: splits a paragraph's inline content at its [@…] citations, groups the
 * text before each group of citations into a claim, and rebuilds the block with each claim wrapped
 * in its anchored span and followed by its markers. Shared by the page core (cite-page.ts, under
 * the Sätteri and remark plugins) and the renderer of cited data fields: one set of rules.
 */

/** A node of ours that mdast-util-to-hast turns into the element named in its data. */
export interface CitationNode {
  type: 'citation';
  children: PhrasingContent[];
  position?: Position;
  data: Data & { hName: string; hProperties: Properties; hChildren?: ElementContent[] };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: CitationNode;
  }
  interface RootContentMap {
    citation: CitationNode;
  }
}

export type Segment = { kind: 'inline'; node: PhrasingContent } | { kind: 'cite'; token: CitationToken; line: number; column: number };

export function hastNode(tagName: string, properties: Properties, children: PhrasingContent[], hChildren?: ElementContent[]): CitationNode {
  return { type: 'citation', children, data: { hName: tagName, hProperties: properties, hChildren } };
}

type Citations = ReturnType<typeof findCitations>;

const isOpen = (found: Citations) => found.problems.some((p) => p.unclosed);

/**
 * A passage may hold characters that Markdown reads as formatting (`*`, `_`, backticks), which
 * split the text node in the middle of a citation. Where a text node opens a citation that it does
 * not close, the nodes up to the one that closes it are joined back into one text node, with their
 * source as written: the quote is the author's characters, not their rendering. Each text comes
 * with its citations, found once.
 */
function joinOpenCitations(children: readonly PhrasingContent[], source: string | undefined): Array<{ node: PhrasingContent; found?: Citations }> {
  const joined: Array<{ node: PhrasingContent; found?: Citations }> = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type !== 'text') {
      joined.push({ node: child });
      continue;
    }
    let value = child.value;
    let found = findCitations(value);
    let j = i + 1;
    for (; source !== undefined && j < children.length && isOpen(found); j++) {
      const next = children[j];
      if (next.type !== 'text' && next.position?.start.offset === undefined) break;
      value += next.type === 'text' ? next.value : source.slice(next.position?.start.offset, next.position?.end.offset);
      found = findCitations(value);
    }
    joined.push({ node: j === i + 1 ? child : { ...child, value }, found });
    i = j - 1;
  }
  return joined;
}

/** Splits a container's children into inline nodes and citation tokens; `source` is the document as written. */
export function splitSegments(children: readonly PhrasingContent[], file: string, source?: string): Segment[] {
  const segments: Segment[] = [];
  for (const { node: child, found } of joinOpenCitations(children, source)) {
    if (child.type !== 'text' || !found) {
      assertNoTextDirective(child, file, source);
      if (textOf(child).includes('[@')) {
        const at = child.position?.start;
        throw new ContentError({
          file,
          line: at?.line,
          column: at?.column,
          message: 'a citation is inside emphasis, a link or a component',
          hint: 'Put the citation after the formatted text, at the end of the claim.',
        });
      }
      segments.push({ kind: 'inline', node: child });
      continue;
    }
    const { tokens, problems } = found;
    if (problems.length > 0) {
      const { line, column } = locateIn(child, problems[0].at);
      throw new ContentError({ file, line, column, message: problems[0].message });
    }
    let from = 0;
    for (const token of tokens) {
      if (token.from > from) segments.push({ kind: 'inline', node: { type: 'text', value: child.value.slice(from, token.from) } });
      segments.push({ kind: 'cite', token, ...locateIn(child, token.from) });
      from = token.to;
    }
    if (from < child.value.length) segments.push({ kind: 'inline', node: { type: 'text', value: child.value.slice(from) } });
  }
  return segments;
}

/**
 * With directives on (Markdown pages: site-note.ts), the parser reads ":name" inside a line as a
 * text directive, which would render as nothing: "10:30" would print "10". Refused, outside a
 * citation's quote (where the joined source keeps the characters as written).
 */
function assertNoTextDirective(node: PhrasingContent, file: string, source: string | undefined): void {
  visit(node, 'textDirective', (directive) => {
    const at = directive.position;
    const written = source !== undefined && at?.start.offset !== undefined ? source.slice(at.start.offset, at.end.offset) : `:${directive.name}`;
    throw new ContentError({
      file,
      line: at?.start.line,
      column: at?.start.column,
      message: `"${written}" reads as a Markdown directive, which a page may not hold inside a line`,
      hint: 'A colon right before a letter or digit starts one: write it as "\\:" (10\\:30) to keep the colon as text. A note is :::note on a line of its own.',
    });
  });
}

/** Line and column of an offset inside a text node (exact unless the text held escapes or entities). */
function locateIn(node: Text, offset: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, offset).split('\n');
  return before.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 };
}

const isBlank = (segment: Segment) => segment.kind === 'inline' && segment.node.type === 'text' && segment.node.value.trim() === '';

/**
 * A claim is the text since the previous group of citations in the same block; citations
 * separated only by spaces form one group and support the same claim.
 */
export function groupClaims(segments: readonly Segment[], file: string): ClaimInput[] {
  const claims: ClaimInput[] = [];
  let text = '';
  let current: ClaimInput | undefined;
  for (const segment of segments) {
    if (segment.kind === 'cite') {
      if (!current) {
        if (text.trim() === '') {
          throw new ContentError({
            file,
            line: segment.line,
            column: segment.column,
            message: 'a citation must follow the claim it supports, but nothing comes before it',
          });
        }
        current = { text: text.trim().replace(/\s+/g, ' '), citations: [] };
        claims.push(current);
        text = '';
      }
      current.citations.push({ token: segment.token, line: segment.line, column: segment.column });
    } else if (!isBlank(segment)) {
      current = undefined;
      text += textOf(segment.node);
    } else if (!current) {
      text += textOf(segment.node);
    }
  }
  return claims;
}

/** Rebuilds a container's children: each claim wrapped in an anchored span, followed by its markers. */
export function rebuild(segments: readonly Segment[], nextClaim: () => ResolvedClaim, base: string, locale: Locale = defaultLocale): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let run: PhrasingContent[] = [];
  let inGroup = false;
  for (const segment of segments) {
    if (segment.kind === 'inline') {
      if (inGroup && isBlank(segment)) continue;
      inGroup = false;
      run.push(segment.node);
      continue;
    }
    if (inGroup) continue;
    inGroup = true;
    const claim = nextClaim();
    const leading = takeLeadingSpace(run);
    if (leading) out.push(leading);
    const text = textOf({ type: 'paragraph', children: run });
    const { tagName, properties, children } = claimLink(claim.anchor, text, locale);
    const link = hastNode(tagName, properties, [], children);
    out.push(hastNode('span', { id: claim.anchor, className: ['claim'] }, [link, ...run]));
    out.push(hastNode('span', { className: ['cite'] }, [], claimMarker({ anchor: claim.anchor, claim: text, passages: claim.markers, base, locale })));
    run = [];
  }
  out.push(...run);
  return out;
}

function takeLeadingSpace(run: PhrasingContent[]): Text | undefined {
  const first = run[0];
  if (first?.type !== 'text') return undefined;
  const space = /^\s+/.exec(first.value)?.[0];
  if (!space) return undefined;
  first.value = first.value.slice(space.length);
  return { type: 'text', value: space };
}
