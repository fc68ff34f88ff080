import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Node, Parent, PhrasingContent, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { defaultLocale, type Locale } from '../i18n/locale.ts';
import { ContentError } from '../lib/content-error.ts';
import { contentCollections } from '../lib/content-layout.ts';
import { citationExceptions } from '../schemas/exception.ts';
import type { PageCitation, PageNote } from '../schemas/ledger.ts';
import { loadQuoteIndex, loadRuleContext, loadSpeakerNames } from './archive-index.ts';
import { assertHeadingIdsFree } from './heading-ids.ts';
import { citeIncidentFacts } from './incident-facts.ts';
import type { QuoteIndex } from './locate.ts';
import { type CitationNode, groupClaims, hastNode, rebuild, type Segment, splitSegments } from './mdast-claims.ts';
import { assertContentIsData } from './mdx-allow-list.ts';
import { assertNestingWithin } from './nesting.ts';
import { isLabel } from './page-directives.ts';
import { endnotes } from './render.ts';
import { type ClaimInput, createPageResolver } from './resolve.ts';
import { assertNotesWellFormed, isNav, isNote, noteSyntax, readsDirectives } from './site-note.ts';

/**
 * A page's citations, independent of the Markdown processor: reads a parsed page (mdast, as remark
 * and Sätteri both give it) without changing it, checks that it is data (mdx-allow-list.ts) and
 * that every claim is cited, resolves the citations (resolve.ts, rules.ts), and says what to
 * change: each cited block's new children, the endnotes to append, and the ledger records. The
 * remark and Sätteri plugins only apply these edits, each its own way, and mark the notes
 * (site-note.ts).
 */

export interface CitationOptions {
  /** Absolute path of the content folder; only documents inside it are processed. */
  contentDir: string;
  /** Astro's `base`, so that archive links work under a sub-path. */
  base: string;
  /**
   * The site's language, words and date formats for the markers, previews and endnotes (i18n/):
   * passed in, made once per build, so the citation core needs nothing from Astro. English by default.
   */
  locale?: Locale;
  /** A ready quote index (tests); by default the archive in contentDir/sources, read once. */
  index?: QuoteIndex;
}

export type Frontmatter = { kind?: string; exceptions?: unknown; citations?: unknown; notes?: unknown; when?: unknown; where?: unknown };

export interface PageFile {
  /** The path shown in errors, relative to the working directory. */
  shown: string;
  /** The page's id in the ledger: its path in the content folder without extension ("pages/background"). */
  document: string;
  /** The file's absolute path (an incident's facts are read at their lines in its front matter). */
  path: string;
}

export interface CitedPage {
  /** Each block that holds citations, with the children it is rebuilt with. */
  blocks: Array<{ block: Parent; children: PhrasingContent[] }>;
  /** The "Sources" endnotes to append, if the page cites anything. */
  endnotes: CitationNode | undefined;
  /** What the page hands to Astro's front matter: its ledger records and its notes. */
  frontmatter: { citations: PageCitation[]; notes: PageNote[] };
}

/** The page a file is, or undefined for a document outside the content folder (left alone). */
export function pageFile(contentDir: string, path: string): PageFile | undefined {
  const inContent = relative(contentDir, path);
  if (inContent.startsWith('..')) return undefined;
  return {
    path,
    shown: relative(process.cwd(), path),
    document: inContent
      .replace(/\.[^.]+$/, '')
      .split(sep)
      .join('/'),
  };
}

const containers = new Set(['paragraph', 'heading', 'tableCell']);

export function citePage(tree: Root, page: PageFile & { source: string; frontmatter: Frontmatter }, options: CitationOptions): CitedPage {
  const file = page.shown;
  assertNestingWithin(tree, file);
  assertContentIsData(tree, file);
  assertHeadingIdsFree(tree, file);
  if (readsDirectives(file)) assertNotesWellFormed(tree, file, page.source);
  const notes: Node[] = [];
  visit(tree, (node) => {
    if (isNote(node)) notes.push(node);
  });

  const cellContext = tableCellContext(tree);
  const pending: Array<{ block: Parent; segments: Segment[]; claims: ClaimInput[] }> = [];
  visit(tree, (node) => {
    if (!containers.has(node.type)) return;
    const block = node as Parent;
    const segments = splitSegments(block.children as PhrasingContent[], file, page.source);
    if (segments.some((s) => s.kind === 'cite')) {
      if (node.type === 'heading') throw headingError(node, file);
      const context = cellContext.get(block);
      pending.push({ block, segments, claims: groupClaims(segments, file).map((claim) => ({ ...claim, context })) });
    }
    return SKIP;
  });

  if (page.frontmatter.kind !== 'editorial') assertClaimsCited(tree, new Set(pending.map((p) => p.block)), file, cellContext);

  const exceptions = citationExceptions.safeParse(page.frontmatter.exceptions);
  if (!exceptions.success) throw new ContentError({ file, message: `front matter "exceptions": ${exceptions.error.issues[0].message}` });
  // Read once per page, and only by a page that names a speaker.
  let speakers: Map<string, string> | undefined;
  const locale = options.locale ?? defaultLocale;
  const index = options.index ?? loadQuoteIndex(options.contentDir);
  const resolver = createPageResolver({
    file,
    rules: loadRuleContext(options.contentDir, locale, index),
    document: page.document,
    index,
    exceptions: exceptions.data,
    speakerName: (slug) => {
      speakers ??= loadSpeakerNames(options.contentDir);
      return speakers.get(slug) ?? slug;
    },
  });
  // An incident's facts box takes the page's first notes (incident-facts.ts); its records are the
  // facts box's own (content-model/cited-fields.ts), so the ledger holds each citation once.
  if (isIncident(page.document)) {
    citeIncidentFacts(page.frontmatter, { file, text: readFileSync(page.path, 'utf8') }, { resolver, base: options.base, locale, exceptions: exceptions.data });
  }
  const factsRecords = resolver.records.length;
  const resolvedClaims = resolver.resolve(pending.flatMap((p) => p.claims));
  // An exception for a quote cited in a front matter field (an incident's summary) is the cited
  // fields' (content-model/cited-fields.ts), which render and check those fields.
  resolver.assertExceptionsUsed((exception) => !citedInFields(page.frontmatter, exception.quote));
  const resolved = { claims: resolvedClaims, notes: resolver.notes, records: resolver.records.slice(factsRecords) };

  let claimNumber = 0;
  return {
    blocks: pending.map(({ block, segments }) => ({ block, children: rebuild(segments, () => resolved.claims[claimNumber++], options.base, locale) })),
    endnotes: resolved.notes.length > 0 ? hastNode('div', { className: ['endnotes-wrapper'] }, [], [endnotes(resolved.notes, options.base, locale)]) : undefined,
    frontmatter: { citations: resolved.records, notes: notes.map((note) => ({ text: textOf(note).trim().replace(/\s+/g, ' ') })) },
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
        context.set(cell, `${textOf(header.children[0] ?? '')}: ${textOf(row.children[0])}; ${textOf(header.children[i] ?? '')}:`);
      });
    }
  });
  return context;
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
 * only links (a navigational line), or sits in a note, or in navigation that links to the site's
 * own pages (assertNavigational).
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
    if (ancestors.some(isNote) || isLabel(block)) return;
    // Navigation ("where to start", "read next") points to pages of the site, not at the world.
    if (ancestors.some(isNav)) return assertNavigational(block, file);
    const children = block.children as PhrasingContent[];
    if (children.every((c) => c.type === 'link' || (c.type === 'text' && /^[\s·|,;–-]*$/.test(c.value)))) return;
    // The header row and the first column label the cells (no context); a cited row's other cells label its claim.
    if (node.type === 'tableCell' && (!cellContext.has(block) || citedRows.has(ancestors.at(-1) as Parent))) return;
    const at = block.position?.start;
    throw new ContentError({
      file,
      line: at?.line,
      column: at?.column,
      message: `uncited ${node.type === 'tableCell' ? 'table cell' : 'claim'}: "${textOf(block).slice(0, 70)}…" has no citation`,
      hint: `Cite the passage that supports it with [@source-id: exact words], or, if it is the site's own remark and not a claim, put it in ${noteSyntax(file)}. Pages whose front matter says kind: editorial may hold uncited text.`,
    });
  });
}

/** An address with a scheme ("https:", "mailto:") or a host ("//…"): not one of the site's own pages. */
const leavesTheSite = (url: string) => /^([a-z][a-z\d+.-]*:|\/\/)/i.test(url);

/**
 * A paragraph of navigation needs no citation because it points to the site's own pages: it holds
 * at least one link, and links nowhere else. So a claim about the world cannot hide in a <nav>.
 */
function assertNavigational(block: Parent, file: string): void {
  const urls: string[] = [];
  visit(block, 'link', (link) => {
    urls.push(link.url);
  });
  const outside = urls.find(leavesTheSite);
  if (urls.length > 0 && !outside) return;
  throw new ContentError({
    file,
    line: block.position?.start.line,
    column: block.position?.start.column,
    message: outside ? `navigation links only to the site's own pages, not to "${outside}"` : `navigation with no link: "${textOf(block).slice(0, 70)}…"`,
    hint: `Navigation needs no citation because it points to this site's pages. Write a claim outside it, with its citation, or the site's own remark in ${noteSyntax(file)}.`,
  });
}

/** An incident's page ("incidents/<id>"), whose front matter holds the facts box. */
const isIncident = (document: string) => document.startsWith(`${contentCollections.incidents.folder}/`);

/** Whether a front matter field other than "exceptions" cites the quote. */
function citedInFields(frontmatter: Frontmatter, quote: string): boolean {
  const cites = (value: unknown): boolean =>
    typeof value === 'string' ? value.includes(quote) : Array.isArray(value) ? value.some(cites) : typeof value === 'object' && value !== null ? Object.values(value).some(cites) : false;
  return Object.entries(frontmatter).some(([key, value]) => key !== 'exceptions' && key !== 'citations' && key !== 'notes' && cites(value));
}
