/**
 * Search settings shared by the indexer (search/integration.ts) and the browser code
 * (search/results.ts). Nothing here names a topic: only parts of the generator's own markup.
 */

/** The folder, under the site's output (and base), that holds Pagefind's bundle. */
export const BUNDLE_DIR = 'pagefind';

/** Alias map served with the bundle (see search/alias-map.ts for why it exists). */
export const ALIASES_FILE = 'aliases.json';

export { HIGHLIGHT_PARAM } from './params.ts';

/**
 * First path segment of the generator's archive of source texts (routes/sources/). Those pages
 * stay searchable and filterable but rank below the explainer's own pages.
 */
export const ARCHIVE_SEGMENT = 'sources';

/** Filter keys, as the pages declare them (components/SearchMeta.astro). */
export const FILTER_SECTION = 'section';
export const FILTER_YEAR = 'year';
/** A filter the UI never shows: the rank tier of a page that comes after the explainer's own (rankTier). */
export const FILTER_TIER = 'tier';

/**
 * Where a page ranks, by the first segment of its address (the generator's own routes): the
 * explainer's pages and its incidents first (no tier), then actors, then the glossary, then the
 * archive's source texts. Within a tier, Pagefind's order (its score, titles weighted most).
 */
const TIERS = ['actors', 'glossary', ARCHIVE_SEGMENT];
export const LOWER_TIERS = TIERS.map((_, i) => String(i + 1));
export function rankTier(segment: string): string | undefined {
  const index = TIERS.indexOf(segment);
  return index < 0 ? undefined : String(index + 1);
}

/** Metadata key holding a canonical page's alternate names (components/SearchMeta.astro). */
export const META_ALIASES = 'aliases';

/**
 * Parts of every page that are not its content, kept out of the body index (they never reach an
 * excerpt or a match): the citation marker numbers and their popover previews, which repeat the
 * source passage beside the claim; the endnote list (doc-endnotes), which repeats it again; the
 * scope note with the editor's note, the same on every page; the archived text's paragraph links
 * (¶3); the "Cited by" list on source pages, which repeats the explainer's claims; the quotes
 * under reported statements (quoted passages with their source line, as in the endnotes); the table of contents, which
 * repeats the page's headings; "Cite this page"; the "#" link at the start of every claim; a map's
 * key and locator inset, the same words under every map; its drawing for a phone, which repeats its labels;
 * the kicker above a title ("Incidents", "Actors · State"), a link to the section, which put the
 * section's name at the start of every excerpt; the page tools under it ("Cite this page"); and the
 * page's h1, which the result already shows as its title (SearchMeta.astro gives Pagefind the title
 * as metadata, so it is still matched and weighted as the title).
 * Selectors rather than data-pagefind-ignore attributes, so the generator's markup
 * (citations/render.ts, the routes) carries nothing search-specific.
 */
export const EXCLUDE_SELECTORS = [
  '.cite-ref',
  '.cite-preview',
  '[role="doc-endnotes"]',
  '.endnotes',
  '.scope',
  '.para-anchor',
  '#cited-by',
  '.cited-by',
  '.updated',
  '.statement-quote',
  '.toc',
  '.cite-page',
  '.claim-link',
  '.map-extras',
  '.map-narrow',
  '.kicker',
  '.page-tools',
  'main h1',
];

/**
 * Elements that EXCLUDE_SELECTORS excludes (by these classes) and that make up most of a page's
 * bytes: each claim's citation preview (citations/render.ts) and the endnotes (citations/cite-page.ts),
 * about 40 of an explainer page's 52 KB of <main>. They are cut from the HTML before Pagefind reads
 * it (search/integration.ts, forIndexing), which then reads half the text for the same index.
 */
export const CUT_BEFORE_INDEXING: ReadonlyArray<{ tag: string; className: string }> = [
  { tag: 'span', className: 'cite-preview' },
  { tag: 'section', className: 'endnotes' },
];

/**
 * Ranking in the browser. Titles weigh most: a match in the page title multiplies the page's score.
 * Alternate names weigh as body text: a page that lists many (the glossary) would otherwise come
 * first for any word inside one ("ceasefire" in "ceasefire line"), above the pages about it; an
 * exact alternate name still puts its canonical page first through the alias map (results.ts).
 * Body text keeps Pagefind's defaults.
 */
export const RANKING = {
  metaWeights: { title: 6, [META_ALIASES]: 1 },
};

/**
 * Pagefind's excerpt is this many words around the best match; the UI starts it at the beginning
 * of the sentence that holds the match (excerpt.ts), so it asks for more than it shows.
 */
export const EXCERPT_WORDS = 40;
