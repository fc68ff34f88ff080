import { relative, sep } from 'node:path';
import type { Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { defaultLocale, localeFor } from '../i18n/locale.ts';
import { REFERENCE_LANGUAGE, type Strings } from '../i18n/strings.ts';
import { ContentError } from '../lib/content-error.ts';
import { citationExceptions } from '../schemas/exception.ts';
import type { PageNote } from '../schemas/ledger.ts';
import { loadQuoteIndex, loadSpeakerNames } from './archive-index.ts';
import type { QuoteIndex } from './locate.ts';
import { groupClaims, hastNode, rebuild, splitSegments, type Segment } from './mdast-claims.ts';
import { assertContentIsData, noteElement } from './mdx-allow-list.ts';
import { endnotes } from './render.ts';
import { resolvePage, type ClaimInput } from './resolve.ts';

/**
 * remark plugin: checks that the page is data (mdx-allow-list.ts), turns [@source: passage]
 * citations into numbered markers with previews, wraps each claim in an anchored span, turns
 * <Note> into the site's marked remark, appends the "Sources" endnotes, and hands the page's
 * ledger records to Astro as `remarkPluginFrontmatter.citations` (and its notes as `.notes`).
 * All citation logic lives in resolve.ts and rules.ts.
 */

export interface RemarkCitationsOptions {
  /** Absolute path of the content folder; only documents inside it are processed. */
  contentDir: string;
  /** Astro's `base`, so that archive links work under a sub-path. */
  base: string;
  /** The site's language, for its date formats and plural forms (site.json "lang"). */
  lang?: string;
  /**
   * The words the markers, previews and endnotes use, from the site's locale (src/i18n/load.ts);
   * passed in rather than read here, so the citation core needs nothing from Astro. English by default.
   */
  strings?: Strings;
  /** A ready quote index (tests); by default the archive in contentDir/sources, read once. */
  index?: QuoteIndex;
}

const containers = new Set(['paragraph', 'heading', 'tableCell']);

type Frontmatter = { kind?: string; exceptions?: unknown; citations?: unknown; notes?: unknown };

export function remarkCitations(options: RemarkCitationsOptions) {
  const locale = options.strings ? localeFor(options.lang ?? REFERENCE_LANGUAGE, options.strings) : defaultLocale;
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const path = relative(options.contentDir, file.path);
    if (path.startsWith('..')) return;
    const document = path.replace(/\.[^.]+$/, '').split(sep).join('/');
    const shownPath = relative(process.cwd(), file.path);
    const data = file.data as { astro?: { frontmatter?: Frontmatter } };
    const frontmatter: Frontmatter = data.astro?.frontmatter ?? {};

    assertContentIsData(tree, shownPath);
    const notes = markNotes(tree);

    const cellContext = tableCellContext(tree);
    const pending: Array<{ parent: Parent; segments: Segment[]; claims: ClaimInput[] }> = [];
    visit(tree, (node) => {
      if (!containers.has(node.type)) return;
      const parent = node as Parent;
      const segments = splitSegments(parent.children as PhrasingContent[], shownPath, String(file.value));
      if (segments.some((s) => s.kind === 'cite')) {
        if (node.type === 'heading') throw headingError(node, shownPath);
        const context = cellContext.get(parent);
        pending.push({ parent, segments, claims: groupClaims(segments, shownPath).map((claim) => ({ ...claim, context })) });
      }
      return SKIP;
    });

    if (frontmatter.kind !== 'editorial') assertClaimsCited(tree, new Set(pending.map((p) => p.parent)), shownPath, cellContext);

    const exceptions = citationExceptions.safeParse(frontmatter.exceptions);
    if (!exceptions.success) throw new ContentError({ file: shownPath, message: `front matter "exceptions": ${exceptions.error.issues[0].message}` });
    const resolved = resolvePage({
      file: shownPath,
      document,
      claims: pending.flatMap((p) => p.claims),
      index: options.index ?? loadQuoteIndex(options.contentDir),
      exceptions: exceptions.data,
      speakerName: (slug) => loadSpeakerNames(options.contentDir).get(slug) ?? slug,
    });

    let claimNumber = 0;
    for (const { parent, segments } of pending) {
      parent.children = rebuild(segments, () => resolved.claims[claimNumber++], options.base, locale);
    }
    if (resolved.notes.length > 0) {
      tree.children.push(hastNode('div', { className: ['endnotes-wrapper'] }, [], [endnotes(resolved.notes, options.base, undefined, locale)]));
    }
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.citations = resolved.records;
    data.astro.frontmatter.notes = notes;
  };
}

/**
 * A table cell is read under its column's header and beside its row's first cell ("Reported by:
 * Armenia's Defence Ministry; What they reported: 12 soldiers captured"): the rules see that
 * context, so a figure in a "What they reported" column is attributed as the reader reads it.
 */
function tableCellContext(tree: Root): Map<Parent, string> {
  const context = new Map<Parent, string>();
  visit(tree, 'table', (table) => {
    const [header, ...rows] = table.children;
    for (const row of rows) {
      row.children.forEach((cell, i) => {
        if (i === 0) return;
        context.set(cell, `${toString(header.children[0] ?? '')}: ${toString(row.children[0])}; ${toString(header.children[i] ?? '')}:`);
      });
    }
  });
  return context;
}

/** <Note> elements become <div role="note" class="site-note">; their text is the page's notes. */
function markNotes(tree: Root): PageNote[] {
  const notes: PageNote[] = [];
  visit(tree, (node) => {
    const element = node as { type: string; name?: string; attributes?: unknown[]; data?: Record<string, unknown> };
    if ((element.type === 'mdxJsxFlowElement' || element.type === 'mdxJsxTextElement') && element.name === noteElement) {
      notes.push({ text: toString(node).trim().replace(/\s+/g, ' ') });
      element.data = { ...element.data, hName: element.type === 'mdxJsxFlowElement' ? 'div' : 'span', hProperties: { role: 'note', className: ['site-note'] } };
      // Rendered as a plain element, not a component.
      element.type = element.type === 'mdxJsxFlowElement' ? 'blockquote' : 'emphasis';
      delete element.name;
      delete element.attributes;
    }
  });
  return notes;
}

function headingError(node: { position?: { start: { line: number; column: number } } }, file: string): ContentError {
  return new ContentError({
    file,
    line: node.position?.start.line,
    column: node.position?.start.column,
    message: 'a citation is inside a heading',
    hint: 'Headings are labels, not claims: cite the sentence under the heading instead.',
  });
}

/**
 * On "claims" pages every paragraph, list item and table cell must cite a source, unless it is
 * only links (a navigational line), or sits in a <Note> or a <nav>.
 */
function assertClaimsCited(tree: Root, cited: Set<Parent>, file: string, cellContext: Map<Parent, string>): void {
  // A table row is one claim laid out in cells: its label cells need no citation of their own.
  const citedRows = new Set<Parent>();
  visitParents(tree, 'tableCell', (cell, ancestors) => {
    if (cited.has(cell)) citedRows.add(ancestors.at(-1) as Parent);
  });
  visitParents(tree, (node, ancestors) => {
    if (node.type !== 'paragraph' && node.type !== 'tableCell') return;
    const block = node as Parent;
    if (cited.has(block)) return;
    if (ancestors.some((a) => (a.data as { hProperties?: { role?: string } } | undefined)?.hProperties?.role === 'note')) return;
    // Navigation ("where to start", "read next") describes pages of the site, not the world.
    if (ancestors.some((a) => a.type === 'mdxJsxFlowElement' && (a as { name?: string }).name === 'nav')) return;
    const children = block.children as PhrasingContent[];
    if (children.every((c) => c.type === 'link' || (c.type === 'text' && /^[\s·|,;–-]*$/.test(c.value)))) return;
    // The header row and the first column label the cells (no context); a cited row's other cells label its claim.
    if (node.type === 'tableCell' && (!cellContext.has(block) || citedRows.has(ancestors.at(-1) as Parent))) return;
    const at = block.position?.start;
    throw new ContentError({
      file,
      line: at?.line,
      column: at?.column,
      message: `uncited ${node.type === 'tableCell' ? 'table cell' : 'claim'}: "${toString(block).slice(0, 70)}…" has no citation`,
      hint: `Cite the passage that supports it with [@source-id: exact words], or, if it is the site's own remark and not a claim, put it in <${noteElement}>…</${noteElement}>. Pages whose front matter says kind: editorial may hold uncited text.`,
    });
  });
}
