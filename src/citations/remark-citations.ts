import { relative, sep } from 'node:path';
import type { ElementContent, Properties } from 'hast';
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { ContentError } from '../lib/content-error.ts';
import { loadQuoteIndex } from './archive-index.ts';
import type { QuoteIndex } from './locate.ts';
import { citationMarker, claimLink, endnotes } from './render.ts';
import { resolvePage, type ClaimInput, type ResolvedClaim } from './resolve.ts';
import { findCitations, type CitationToken } from './syntax.ts';

/**
 * remark plugin: turns [@source: passage] citations into numbered markers with previews, wraps
 * each claim in an anchored span, appends the "Sources" endnotes, and hands the page's ledger
 * records to Astro as `remarkPluginFrontmatter.citations`. All logic lives in resolve.ts.
 */

export interface RemarkCitationsOptions {
  /** Absolute path of the content folder; only documents inside it are processed. */
  contentDir: string;
  /** Astro's `base`, so that archive links work under a sub-path. */
  base: string;
  /** A ready quote index (tests); by default the archive in contentDir/sources, read once. */
  index?: QuoteIndex;
}

type Segment = { kind: 'inline'; node: PhrasingContent } | { kind: 'cite'; token: CitationToken; line: number; column: number };

const containers = new Set(['paragraph', 'heading', 'tableCell']);

export function remarkCitations(options: RemarkCitationsOptions) {
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const path = relative(options.contentDir, file.path);
    if (path.startsWith('..')) return;
    const document = path.replace(/\.[^.]+$/, '').split(sep).join('/');
    const shownPath = relative(process.cwd(), file.path);

    const pending: Array<{ parent: Parent; segments: Segment[]; claims: ClaimInput[] }> = [];
    visit(tree, (node) => {
      if (!containers.has(node.type)) return;
      const parent = node as Parent;
      const segments = splitSegments(parent.children as PhrasingContent[], shownPath);
      if (segments.some((s) => s.kind === 'cite')) pending.push({ parent, segments, claims: groupClaims(segments, shownPath) });
      return SKIP;
    });

    const frontmatter = (file.data as { astro?: { frontmatter?: { kind?: string } } }).astro?.frontmatter;
    if (frontmatter?.kind !== 'editorial') {
      const cited = new Set(pending.map((p) => p.parent));
      assertClaimsCited(tree, cited, shownPath);
    }

    const resolved = resolvePage({
      file: shownPath,
      document,
      claims: pending.flatMap((p) => p.claims),
      index: options.index ?? loadQuoteIndex(options.contentDir),
    });

    let claimNumber = 0;
    for (const { parent, segments } of pending) {
      parent.children = rebuild(segments, () => resolved.claims[claimNumber++], options.base);
    }
    if (resolved.notes.length > 0) {
      tree.children.push(hastNode('div', { className: ['endnotes-wrapper'] }, [], [endnotes(resolved.notes, options.base)]) as never);
    }
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.citations = resolved.records;
  };
}

/** Splits a container's children into inline nodes and citation tokens. */
/** JSX elements whose content is by definition not a claim: navigation and asides. */
const notClaimElements = new Set(['nav', 'aside']);
const notClaimComment = /^\/\*\s*not a claim\s*\*\/$/i;

/**
 * On "claims" pages every paragraph (list items included) must cite a source, unless it is only
 * links (a navigational line), sits in a <nav> or <aside>, or holds the comment {/* not a claim *\/}.
 */
function assertClaimsCited(tree: Root, cited: Set<Parent>, file: string): void {
  visitParents(tree, 'paragraph', (paragraph, ancestors) => {
    if (cited.has(paragraph)) return;
    if (ancestors.some((a) => a.type === 'mdxJsxFlowElement' && notClaimElements.has((a as { name?: string }).name ?? ''))) return;
    const children = paragraph.children as Array<PhrasingContent | { type: 'mdxTextExpression'; value: string }>;
    if (children.some((c) => c.type === 'mdxTextExpression' && notClaimComment.test(c.value.trim()))) return;
    if (children.every((c) => c.type === 'link' || (c.type === 'text' && /^[\s·|,;–-]*$/.test(c.value)))) return;
    const at = paragraph.position?.start;
    throw new ContentError({
      file,
      line: at?.line,
      column: at?.column,
      message: `uncited claim: "${toString(paragraph).slice(0, 70)}…" has no citation`,
      hint: 'Cite the passage that supports it with [@source-id: exact words], or mark text that is not a claim with {/* not a claim */}. Pages whose front matter says kind: editorial may hold uncited text.',
    });
  });
}

/**
 * A node of our own type that mdast-util-to-hast turns into the given element
 * (through data.hName), with either mdast children or ready-made hast children.
 */
function hastNode(tagName: string, properties: Properties, children: PhrasingContent[], hChildren?: ElementContent[]): PhrasingContent {
  return { type: 'citation', children, data: { hName: tagName, hProperties: properties, hChildren } } as unknown as PhrasingContent;
}

function splitSegments(children: PhrasingContent[], file: string): Segment[] {
  const segments: Segment[] = [];
  for (const child of children) {
    if (child.type !== 'text') {
      if (toString(child).includes('[@')) {
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
    const { tokens, problems } = findCitations(child.value);
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

/** Line and column of an offset inside a text node (exact unless the text held escapes or entities). */
function locateIn(node: Text, offset: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, offset).split('\n');
  return before.length === 1
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 };
}

const isBlank = (segment: Segment) => segment.kind === 'inline' && segment.node.type === 'text' && segment.node.value.trim() === '';

/**
 * A claim is the text since the previous group of citations in the same block; citations
 * separated only by spaces form one group and support the same claim.
 */
function groupClaims(segments: Segment[], file: string): ClaimInput[] {
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
      text += toString(segment.node);
    } else if (!current) {
      text += toString(segment.node);
    }
  }
  return claims;
}

/** Rebuilds a container's children: each claim wrapped in an anchored span, followed by its markers. */
function rebuild(segments: Segment[], nextClaim: () => ResolvedClaim, base: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let run: PhrasingContent[] = [];
  let inGroup = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
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
    const { tagName, properties, children } = claimLink(claim.anchor, toString({ type: 'paragraph', children: run }));
    const link = hastNode(tagName, properties, [], children);
    out.push(hastNode('span', { id: claim.anchor, className: ['claim'] }, [link, ...run]));
    for (const marker of claim.markers) out.push(hastNode('span', { className: ['cite'] }, [], citationMarker({ ...marker, base })));
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

