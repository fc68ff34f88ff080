import { format, plural } from '../i18n/format.ts';
import { type AliasEntry, type AliasMap, planQuery, type QueryPlan } from './alias-map.ts';
import type { SearchStrings } from './browser-bundle.ts';
import { ALIASES_FILE, FILTER_SECTION, FILTER_YEAR } from './config.ts';
import { bundleUrl, type FilterCounts, type Filters, type Pagefind, type PagefindResult, type PagefindResultData, type PagefindSearch, pagefind } from './pagefind.ts';

/**
 * The search UI, on Pagefind's JS API: a search box in the header with a results panel, and the
 * search page (/search/) with filters. Loaded by boot.ts only once the reader starts to search.
 *
 * Ranking, on top of Pagefind's (titles and alternate names weighted, see config.ts):
 * - explainer pages come before the archive's source texts: results are split in two tiers by
 *   the archive's section filter, each tier in Pagefind's order;
 * - alternate spellings are searched together with the usual one (alias-map.ts), results merged;
 * - when the query is exactly an entry's name or alternate name, its canonical page comes first,
 *   linked to its own anchor (/glossary/#slug).
 *
 * Keyboard: "/" focuses the box (boot.ts); ArrowDown/ArrowUp move between the box and the result
 * links; Enter follows a link (or, in the box, opens the search page with the query); Esc closes
 * the panel, then clears the box.
 */

// Written in by browser-bundle.ts: the site's search strings (its locale file, and the content folder's overrides).
declare const __SEARCH_STRINGS__: SearchStrings;
const strings = __SEARCH_STRINGS__;
// Plural forms follow the page's language, the site's "lang".
const lang = () => document.documentElement.lang || 'en';

const DEBOUNCE_MS = 120;
const PANEL_SIZE = 6;
const PAGE_SIZE = 10;
const FILTER_KEYS = [FILTER_SECTION, FILTER_YEAR] as const;

let aliases: Promise<AliasMap | undefined> | undefined;
const aliasMap = () =>
  (aliases ??= fetch(bundleUrl(ALIASES_FILE))
    .then((response) => (response.ok ? (response.json() as Promise<AliasMap>) : undefined))
    .catch(() => undefined));

/** The pages holding a filter value, as Pagefind result ids: one search without words per value, made once. */
const pagesByValue = new Map<string, Promise<Set<string>>>();
function pagesWith(key: string, value: string): Promise<Set<string>> {
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

const archivePages = (section: string | undefined) => (section ? pagesWith(FILTER_SECTION, section) : Promise.resolve(new Set<string>()));

export interface Outcome {
  plan: QueryPlan;
  results: PagefindResult[];
  /** Per filter key, the number of results each value would give (other active filters kept). */
  counts: FilterCounts;
  /** The canonical page of an exact name match, if any, as Pagefind's result id. */
  pinned?: string;
}

const bareUrl = (url: string) => url.replace(/[?#].*$/, '');

async function counted(pf: Pagefind, searches: string[], filters: Filters, primary: PagefindSearch[]): Promise<FilterCounts> {
  const counts: FilterCounts = {};
  for (const key of FILTER_KEYS) {
    const { [key]: _, ...others } = filters;
    const base = key in filters ? await Promise.all(searches.map((q) => pf.search(q, { filters: others }))) : primary;
    if (searches.length === 1) {
      counts[key] = base[0].filters[key] ?? {};
      continue;
    }
    // Several spellings searched: count each value over the union of their results, by the pages
    // that hold it (known once for all queries) rather than by a search per value and spelling.
    const found = new Set(base.flatMap((s) => s.results.map((r) => r.id)));
    const values = [...new Set(base.flatMap((s) => Object.keys(s.filters[key] ?? {})))];
    const holding = await Promise.all(values.map((value) => pagesWith(key, value)));
    counts[key] = Object.fromEntries(values.map((value, i) => [value, [...found].filter((id) => holding[i].has(id)).length]));
  }
  return counts;
}

// `withCounts`: false for the header panel, which shows no filters. `shownFirst`: how many results
// the caller shows first (their data is fetched anyway).
async function runSearch(text: string, filters: Filters, archiveSection: string | undefined, { withCounts = true, shownFirst = PAGE_SIZE } = {}): Promise<Outcome> {
  const [pf, map] = await Promise.all([pagefind(), aliasMap()]);
  const plan = planQuery(text, map);
  const searches = await Promise.all(plan.searches.map((q) => pf.search(q, { filters })));
  const byId = new Map<string, PagefindResult>();
  for (const result of searches.flatMap((s) => s.results)) {
    const seen = byId.get(result.id);
    if (!seen || seen.score < result.score) byId.set(result.id, result);
  }
  const merged = [...byId.values()].sort((a, b) => b.score - a.score);
  const counts = withCounts ? await counted(pf, plan.searches, filters, searches) : {};
  const archive = await archivePages(archiveSection);
  let results = [...merged.filter((r) => !archive.has(r.id)), ...merged.filter((r) => archive.has(r.id))];
  const pinnedResult = plan.exact && (await findPage(results, bareUrl(plan.exact.url), shownFirst));
  if (pinnedResult) results = [pinnedResult, ...results.filter((r) => r !== pinnedResult)];
  return { plan, results, counts, pinned: pinnedResult?.id };
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

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
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

function renderResult(data: PagefindResultData, options: { pinned?: AliasEntry; subResults: boolean }): HTMLLIElement {
  const pinnedUrl = options.pinned?.url;
  // A pinned entry inside a page (a glossary entry) is titled with its own name.
  const title = (pinnedUrl?.includes('#') && options.pinned?.name) || data.meta.title || data.url;
  const item = el('li', { className: 'search-result' });
  const heading = el('a', { className: 'search-result-link', href: linkFor(data, pinnedUrl) }, title);
  const section = data.filters?.[FILTER_SECTION]?.[0];
  const year = data.filters?.[FILTER_YEAR]?.[0];
  item.append(heading);
  if (section) item.append(el('span', { className: 'search-result-section' }, year ? `${section}, ${year}` : section));
  item.append(excerptNode(data.excerpt));
  if (options.subResults) {
    const subs = (data.sub_results ?? []).filter((sub) => sub.anchor && bareUrl(sub.url) === bareUrl(data.url)).slice(0, 3);
    if (subs.length) {
      const list = el('ul', { className: 'search-subresults' });
      for (const sub of subs) {
        list.append(el('li', {}, el('a', { className: 'search-subresult-link', href: sub.url }, sub.title), excerptNode(sub.excerpt)));
      }
      item.append(list);
    }
  }
  return item;
}

function statusText(outcome: Outcome, shown: number): string {
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

function arrowNavigation(input: HTMLInputElement, container: HTMLElement, onEscape: () => void, reopen: () => void = () => {}): void {
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

/* ---------- the header box ---------- */

export function mountHeader(root: HTMLElement): void {
  if (root.dataset.searchMounted) return;
  root.dataset.searchMounted = 'true';
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = root.querySelector<HTMLElement>('.site-search-panel')!;
  const status = panel.querySelector<HTMLElement>('.search-status')!;
  const list = panel.querySelector<HTMLOListElement>('.search-results')!;
  const more = panel.querySelector<HTMLElement>('.search-more')!;
  const archiveSection = root.dataset.archiveSection;
  const searchPage = root.dataset.searchPage!;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = (yes: boolean) => {
    // A search box (role searchbox) takes no aria-expanded; the panel's status line announces the results.
    panel.hidden = !yes;
  };
  void pagefind();
  void aliasMap();

  const update = async () => {
    const text = input.value.trim();
    const mine = ++sequence;
    if (!text) {
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    const outcome = await runSearch(text, {}, archiveSection, { withCounts: false, shownFirst: PANEL_SIZE });
    const shown = outcome.results.slice(0, PANEL_SIZE);
    const items = await Promise.all(shown.map(async (r) => renderResult(await r.data(), { pinned: r.id === outcome.pinned ? outcome.plan.exact : undefined, subResults: false })));
    if (mine !== sequence) return;
    list.replaceChildren(...items);
    status.textContent = statusText(outcome, shown.length);
    more.hidden = outcome.results.length === 0;
    more.querySelector('a')!.href = `${searchPage}?q=${encodeURIComponent(text)}`;
    open(true);
    document.dispatchEvent(new CustomEvent('explainer-search:rendered', { detail: { query: text, count: outcome.results.length } }));
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    void pagefind().then((pf) => pf.preload(input.value));
    timer = setTimeout(() => void update(), DEBOUNCE_MS);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount) open(true);
  });
  arrowNavigation(
    input,
    panel,
    () => {
      if (!panel.hidden) {
        open(false);
        input.focus();
      } else {
        input.value = '';
        list.replaceChildren();
        status.textContent = '';
      }
    },
    () => open(true),
  );
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) open(false);
  });
  // The box may already hold text typed before this module arrived.
  if (input.value.trim()) void update();
}

/* ---------- the search page ---------- */

function renderFilters(container: HTMLElement, counts: FilterCounts, active: Filters, onChange: (key: string, value: string | undefined) => void): void {
  const groups: HTMLElement[] = [];
  for (const key of FILTER_KEYS) {
    const values = Object.entries(counts[key] ?? {}).filter(([value, n]) => n > 0 || active[key] === value);
    if (!values.length) continue;
    values.sort(([a], [b]) => (key === FILTER_YEAR ? b.localeCompare(a) : a.localeCompare(b)));
    const legend = key === FILTER_SECTION ? strings.filterSection : strings.filterYear;
    const fieldset = el('fieldset', { className: 'search-filter' }, el('legend', {}, legend));
    const option = (value: string | undefined, label: string) => {
      const radio = el('input', { type: 'radio', name: `search-filter-${key}`, value: value ?? '', checked: active[key] === value });
      radio.addEventListener('change', () => onChange(key, value));
      return el('label', { className: 'search-filter-option' }, radio, ` ${label}`);
    };
    fieldset.append(option(undefined, strings.filterAll));
    for (const [value, n] of values) fieldset.append(option(value, format(strings.filterOption, { value, count: n })));
    groups.push(fieldset);
  }
  container.replaceChildren(...groups);
}

export function mountPage(root: HTMLElement): void {
  if (root.dataset.searchMounted) return;
  root.dataset.searchMounted = 'true';
  const template = root.querySelector<HTMLTemplateElement>('template[data-search-page-template]')!;
  root.querySelector('[data-search-nojs]')?.remove();
  root.append(template.content.cloneNode(true));
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const filtersBox = root.querySelector<HTMLElement>('.search-filters')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const moreButton = root.querySelector<HTMLButtonElement>('.search-more-button')!;
  const resultsBox = root.querySelector<HTMLElement>('.search-output')!;
  const archiveSection = root.dataset.archiveSection;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let outcome: Outcome | undefined;
  let shown = 0;

  const syncUrl = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const key of FILTER_KEYS) if (typeof filters[key] === 'string') next.set(key, filters[key] as string);
    const query = next.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  };

  const showMore = async (mine: number) => {
    if (!outcome) return;
    const batch = outcome.results.slice(shown, shown + PAGE_SIZE);
    const items = await Promise.all(batch.map(async (r) => renderResult(await r.data(), { pinned: r.id === outcome!.pinned ? outcome!.plan.exact : undefined, subResults: true })));
    if (mine !== sequence) return;
    list.append(...items);
    shown += batch.length;
    moreButton.hidden = shown >= outcome.results.length;
    status.textContent = statusText(outcome, shown);
  };

  const update = async () => {
    const text = input.value.trim();
    const mine = ++sequence;
    resultsBox.setAttribute('aria-busy', 'true');
    syncUrl();
    if (!text) {
      resultsBox.setAttribute('aria-busy', 'false');
      outcome = undefined;
      list.replaceChildren();
      filtersBox.replaceChildren();
      status.textContent = '';
      moreButton.hidden = true;
      return;
    }
    const next = await runSearch(text, { ...filters }, archiveSection);
    if (mine !== sequence) return;
    outcome = next;
    shown = 0;
    list.replaceChildren();
    await showMore(mine);
    if (mine !== sequence) return;
    renderFilters(filtersBox, next.counts, filters, (key, value) => {
      if (value === undefined) delete filters[key];
      else filters[key] = value;
      void update();
    });
    resultsBox.setAttribute('aria-busy', 'false');
    document.dispatchEvent(new CustomEvent('explainer-search:rendered', { detail: { query: text, count: next.results.length } }));
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    resultsBox.setAttribute('aria-busy', 'true');
    timer = setTimeout(() => void update(), delay);
  };

  input.addEventListener('input', () => {
    void pagefind().then((pf) => pf.preload(input.value));
    schedule(DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void update();
  });
  moreButton.addEventListener('click', () => void showMore(sequence));
  arrowNavigation(input, resultsBox, () => {
    if (document.activeElement !== input) input.focus();
    else {
      input.value = '';
      void update();
    }
  });

  if (input.value.trim()) void update();
  else input.focus();
}
