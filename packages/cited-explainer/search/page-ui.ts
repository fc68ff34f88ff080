import { format } from '../i18n/format.ts';
import { FILTER_SECTION, FILTER_YEAR } from './config.ts';
import { type FilterCounts, type Filters, type PagefindSearch, pagefind } from './pagefind.ts';
import { announceRendered, arrowNavigation, DEBOUNCE_MS, el, firstMount, type Outcome, pagesWith, renderResults, runSearch, statusText, strings } from './results.ts';

/**
 * The search page (/search/): its box, results in pages of ten, and filters by section and year
 * with their counts. /search/?q=…&section=…&year=… runs that search on arrival. Loaded by boot.ts.
 */

const PAGE_SIZE = 10;
const FILTER_KEYS = [FILTER_SECTION, FILTER_YEAR] as const;

/** Per filter key, the number of results each value would give (other active filters kept). */
async function counted(searches: string[], filters: Filters, primary: PagefindSearch[]): Promise<FilterCounts> {
  const pf = await pagefind();
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
  if (!firstMount(root)) return;
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
    const items = await renderResults(outcome, batch, true);
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
    const active = { ...filters };
    const next = await runSearch(text, active, PAGE_SIZE);
    const counts = await counted(next.plan.searches, active, next.searches);
    if (mine !== sequence) return;
    outcome = next;
    shown = 0;
    list.replaceChildren();
    await showMore(mine);
    if (mine !== sequence) return;
    renderFilters(filtersBox, counts, filters, (key, value) => {
      if (value === undefined) delete filters[key];
      else filters[key] = value;
      void update();
    });
    resultsBox.setAttribute('aria-busy', 'false');
    announceRendered(text, next.results.length);
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
