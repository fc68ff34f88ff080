import { pagefind } from './pagefind.ts';
import { aliasMap, announceRendered, arrowNavigation, DEBOUNCE_MS, firstMount, renderResults, runSearch, statusText } from './results.ts';

/**
 * The search box in the header, with a panel of the first results (no filters). Loaded by boot.ts
 * once the reader starts to search from any page but the search page.
 */

const PANEL_SIZE = 6;

export function mountHeader(root: HTMLElement): void {
  if (!firstMount(root)) return;
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = root.querySelector<HTMLElement>('.site-search-panel')!;
  const status = panel.querySelector<HTMLElement>('.search-status')!;
  const list = panel.querySelector<HTMLOListElement>('.search-results')!;
  const more = panel.querySelector<HTMLElement>('.search-more')!;
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
    const outcome = await runSearch(text, {}, PANEL_SIZE);
    // Typed on since: the newer query's results are coming; fetch no excerpts for this one.
    if (mine !== sequence) return;
    const shown = outcome.results.slice(0, PANEL_SIZE);
    const items = await renderResults(outcome, shown, false);
    if (mine !== sequence) return;
    list.replaceChildren(...items);
    status.textContent = statusText(outcome, shown.length);
    more.hidden = outcome.results.length === 0;
    more.querySelector('a')!.href = `${searchPage}?q=${encodeURIComponent(text)}`;
    open(true);
    announceRendered(text, outcome.results.length);
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
