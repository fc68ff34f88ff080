import { format, plural } from '../i18n/format.ts';
import { type AliasEntry, type AliasMap, normalizeName, planQuery, type QueryPlan } from './alias-map.ts';
import type { SearchStrings } from './browser-bundle.ts';
import { ALIASES_FILE, FILTER_SECTION, FILTER_TIER, FILTER_YEAR, LOWER_TIERS, rankTier } from './config.ts';
import { fromSentenceStart } from './excerpt.ts';
import { base, bundleUrl, type Filters, type PagefindResult, type PagefindResultData, type PagefindSearch, pagefind } from './pagefind.ts';
import { pageFacets } from './sections.ts';

/**
 * What the two search UIs share (header-ui.ts: the header's box with a results panel; page-ui.ts:
 * the search page, /search/, with filters), on Pagefind's JS API: running a search, rendering its
 * results, moving through them with the keyboard. Each UI is its own file, loaded by boot.ts only
 * once the reader starts to search, so that the header's first search fetches no page code.
 *
 * Ranking, on top of Pagefind's (titles and alternate names weighted, see config.ts):
 * - the explainer's pages and incidents come first, then actors, the glossary and the archive's
 *   source texts: results are split in tiers by a filter each page declares (config.ts rankTier),
 *   each tier in Pagefind's order;
 * - alternate spellings are searched together with the usual one (alias-map.ts), results merged;
 * - when the query is exactly an entry's name or alternate name, its canonical page comes first,
 *   linked to its own anchor (/glossary/#slug); but a glossary entry comes after an explainer page
 *   whose title holds every word of the query (the page about the thing, "The Lachin corridor",
 *   before the entry that defines it);
 * - when the query names a publication (every word of it in the name of a source's publisher or
 *   of the paper it was carried in), that publication's source texts come first.
 *
 * Keyboard: "/" focuses the box (boot.ts); ArrowDown/ArrowUp move between the box and the result
 * links; Enter follows a link (or, in the box, opens the search page with the query); Esc closes
 * the panel, then clears the box.
 */

// Written in by browser-bundle.ts: the site's search strings (its locale file, and the content folder's overrides).
declare const __SEARCH_STRINGS__: SearchStrings;
export const strings = __SEARCH_STRINGS__;
// Plural forms follow the page's language, the site's "lang".
const lang = () => document.documentElement.lang || 'en';

export const DEBOUNCE_MS = 120;
/** Words of an excerpt shown, from the start of its sentence (Pagefind is asked for more, config.ts EXCERPT_WORDS). */
const EXCERPT_SHOWN = 26;

let aliases: Promise<AliasMap | undefined> | undefined;
export const aliasMap = () =>
  (aliases ??= fetch(bundleUrl(ALIASES_FILE))
    .then((response) => (response.ok ? (response.json() as Promise<AliasMap>) : undefined))
    .catch(() => undefined));

/** The pages holding a filter value, as Pagefind result ids: one search without words per value, made once. */
const pagesByValue = new Map<string, Promise<Set<string>>>();
export function pagesWith(key: string, value: string): Promise<Set<string>> {
  const id = JSON.stringify([key, value]);
  let pages = pagesByValue.get(id);
  if (!pages) {
    pages = pagefind()
      .then((pf) => pf.search(null, { filters: { [key]: value } }))
      .then((all) => new Set(all.results.map((r) => r.id)));
    pagesByValue.set(id, pages);
  }
  return pages;
}

export interface Outcome {
  plan: QueryPlan;
  results: PagefindResult[];
  /** Pagefind's answer to each spelling searched (plan.searches), with its counts per filter value. */
  searches: PagefindSearch[];
  /** The canonical page of an exact name match, if any, as Pagefind's result id. */
  pinned?: string;
}

const bareUrl = (url: string) => url.replace(/[?#].*$/, '');

/** `shownFirst`: how many results the caller shows first (their data is fetched anyway). */
export async function runSearch(text: string, filters: Filters, shownFirst: number): Promise<Outcome> {
  const [pf, map] = await Promise.all([pagefind(), aliasMap()]);
  const plan = planQuery(text, map);
  const searches = await Promise.all(plan.searches.map((q) => pf.search(q, { filters })));
  const byId = new Map<string, PagefindResult>();
  for (const result of searches.flatMap((s) => s.results)) {
    const seen = byId.get(result.id);
    if (!seen || seen.score < result.score) byId.set(result.id, result);
  }
  const merged = [...byId.values()].sort((a, b) => b.score - a.score);
  const tiers = await Promise.all(LOWER_TIERS.map((tier) => pagesWith(FILTER_TIER, tier)));
  const tierOf = (r: PagefindResult) => tiers.findIndex((pages) => pages.has(r.id)) + 1;
  let results = merged
    .map((r, i) => ({ r, i, tier: tierOf(r) }))
    .sort((a, b) => a.tier - b.tier || a.i - b.i)
    .map(({ r }) => r);
  // The canonical page is looked for among the pages of its own tier first (an actor's among the
  // actors, a glossary entry's in the glossary): in any other order it may lie far down.
  const pinTier = plan.exact ? Number(rankTier(pageFacets(bareUrl(plan.exact.url), base, []).segment) ?? 0) : 0;
  const candidates = [...merged.filter((r) => tierOf(r) === pinTier), ...merged.filter((r) => tierOf(r) !== pinTier)];
  let pinnedResult = plan.exact && (await findPage(candidates, bareUrl(plan.exact.url), shownFirst));
  // A glossary entry's name: the explainer's page about the thing, if one is titled with it, comes first.
  if (pinnedResult && plan.exact?.url.includes('#')) {
    // The words as typed: an alternate name (a town's) is not the title's thing.
    const words = normalizeName(plan.original).split(' ');
    const about = await firstWhere(
      results.filter((r) => tierOf(r) === 0).slice(0, shownFirst),
      (data) =>
        !data.filters?.[FILTER_YEAR] &&
        words.every((word) =>
          normalizeName(data.meta.title ?? '')
            .split(' ')
            .includes(word),
        ),
    );
    if (about) results = [about, pinnedResult, ...results.filter((r) => r !== pinnedResult && r !== about)];
    else results = [pinnedResult, ...results.filter((r) => r !== pinnedResult)];
  } else if (pinnedResult) results = [pinnedResult, ...results.filter((r) => r !== pinnedResult)];
  const published = publicationUrls(plan.original, map);
  if (published.size > 0) {
    const archive = results.filter((r) => tierOf(r) === LOWER_TIERS.length);
    const theirs = (await Promise.all(archive.map(async (r) => (published.has(bareUrl((await r.data()).url)) ? [r] : [])))).flat();
    results = [...theirs, ...results.filter((r) => !theirs.includes(r))];
    if (theirs.length > 0) pinnedResult = undefined;
  }
  return { plan, results, searches, pinned: pinnedResult?.id };
}

/** The first of some results whose data passes `test` (their data is fetched together). */
async function firstWhere(results: PagefindResult[], test: (data: PagefindResultData) => boolean): Promise<PagefindResult | undefined> {
  const data = await Promise.all(results.map((r) => r.data()));
  const index = data.findIndex(test);
  return index < 0 ? undefined : results[index];
}

/**
 * The source texts of the publications the query names: every word of a name of several words
 * ("Jerusalem Post"), a name's word written in capitals alone ("BBC" of "BBC News", not "The"), or
 * a site's name run together ("jordantimes" for "Jordan Times").
 */
function publicationUrls(query: string, map: AliasMap | undefined): Set<string> {
  const words = normalizeName(query).split(' ').filter(Boolean);
  if (words.length === 0 || !map?.publications) return new Set();
  const named = map.publications.filter((publication) => {
    const name = normalizeName(publication.name).split(' ');
    const acronyms = publication.name
      .split(/\s+/)
      .filter((word) => word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word))
      .map(normalizeName);
    return (words.length > 1 && words.every((word) => name.includes(word))) || (words.length === 1 && acronyms.includes(words[0])) || name.join('') === words.join('');
  });
  return new Set(named.flatMap((publication) => publication.urls));
}

/** How far down the results the canonical page of an exact name match is looked for. */
const PIN_DEPTH = 30;

/**
 * The result whose page is `url`, among the first PIN_DEPTH. Only a result's data (its fragment,
 * a download) tells its address: the first `batch`, which are shown anyway, are fetched together,
 * the rest one at a time until the page is found.
 */
async function findPage(results: PagefindResult[], url: string, batch: number): Promise<PagefindResult | undefined> {
  const candidates = results.slice(0, PIN_DEPTH);
  const first = await Promise.all(candidates.slice(0, batch).map((r) => r.data()));
  const index = first.findIndex((data) => bareUrl(data.url) === url);
  if (index >= 0) return candidates[index];
  for (const result of candidates.slice(batch)) if (bareUrl((await result.data()).url) === url) return result;
  return undefined;
}

/* ---------- rendering ---------- */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Pagefind's excerpts are HTML-escaped text with <mark> around matches; keep only that. */
function excerptNode(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const p = el('p', { className: 'search-result-excerpt' });
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) p.append(node.textContent ?? '');
    else if (node.nodeName === 'MARK') p.append(el('mark', {}, node.textContent ?? ''));
    else p.append(node.textContent ?? '');
  }
  return p;
}

/** Keeps the highlight parameter Pagefind added, and points a pinned glossary match at its anchor. */
function linkFor(data: PagefindResultData, pinnedUrl: string | undefined): string {
  if (!pinnedUrl?.includes('#')) return data.url;
  const [path, hash] = pinnedUrl.split('#');
  const query = data.url.match(/\?[^#]*/)?.[0] ?? '';
  return `${path}${query}#${hash}`;
}

export function renderResult(data: PagefindResultData, options: { pinned?: AliasEntry; subResults: boolean }): HTMLLIElement {
  const pinnedUrl = options.pinned?.url;
  // A pinned entry inside a page (a glossary entry) is titled with its own name.
  const title = (pinnedUrl?.includes('#') && options.pinned?.name) || data.meta.title || data.url;
  const item = el('li', { className: 'search-result' });
  const heading = el('a', { className: 'search-result-link', href: linkFor(data, pinnedUrl) }, title);
  const section = data.filters?.[FILTER_SECTION]?.[0];
  const year = data.filters?.[FILTER_YEAR]?.[0];
  item.append(heading);
  if (section) item.append(el('span', { className: 'search-result-section' }, year ? `${section}, ${year}` : section));
  item.append(excerptNode(fromSentenceStart(data.excerpt, EXCERPT_SHOWN)));
  if (options.subResults) {
    const subs = (data.sub_results ?? []).filter((sub) => sub.anchor && bareUrl(sub.url) === bareUrl(data.url)).slice(0, 3);
    if (subs.length) {
      const list = el('ul', { className: 'search-subresults' });
      for (const sub of subs) {
        list.append(el('li', {}, el('a', { className: 'search-subresult-link', href: sub.url }, sub.title), excerptNode(fromSentenceStart(sub.excerpt, EXCERPT_SHOWN))));
      }
      item.append(list);
    }
  }
  return item;
}

/** The list items of some of an outcome's results, each with its data fetched (the pinned one titled by its entry). */
export const renderResults = (outcome: Outcome, results: readonly PagefindResult[], subResults: boolean): Promise<HTMLLIElement[]> =>
  Promise.all(results.map(async (r) => renderResult(await r.data(), { pinned: r.id === outcome.pinned ? outcome.plan.exact : undefined, subResults })));

/** Tells whoever listens (scripts/bench-search.ts) that the results of `query` are on screen. */
export const announceRendered = (query: string, count: number): void => {
  document.dispatchEvent(new CustomEvent('explainer-search:rendered', { detail: { query, count } }));
};

/** True the first time a search UI is mounted on `root`: boot.ts may ask again. */
export function firstMount(root: HTMLElement): boolean {
  if (root.dataset.searchMounted) return false;
  root.dataset.searchMounted = 'true';
  return true;
}

export function statusText(outcome: Outcome, shown: number): string {
  const n = outcome.results.length;
  const { original, rewrites, query: spelled } = outcome.plan;
  const query = rewrites.length ? format(strings.queryAsSpelled, { query: original, spelled }) : format(strings.query, { query: original });
  const status = n === 0 ? format(strings.noResults, { query }) : plural(strings.results, n, lang(), { query });
  return shown < n ? format(strings.showing, { status, count: shown }) : status;
}

/* ---------- keyboard ---------- */

function resultLinks(container: HTMLElement): HTMLAnchorElement[] {
  return [...container.querySelectorAll<HTMLAnchorElement>('.search-result-link, .search-subresult-link')];
}

export function arrowNavigation(input: HTMLInputElement, container: HTMLElement, onEscape: () => void, reopen: () => void = () => {}): void {
  const handler = (event: KeyboardEvent) => {
    const links = resultLinks(container);
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown') {
      if (!links.length) return;
      event.preventDefault();
      reopen();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === 'ArrowUp') {
      if (index < 0) return;
      event.preventDefault();
      if (index === 0) input.focus();
      else links[index - 1].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  };
  input.addEventListener('keydown', handler);
  container.addEventListener('keydown', handler);
}
