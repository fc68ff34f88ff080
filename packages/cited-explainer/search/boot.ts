/**
 * The only script a plain page view runs, inlined in every page (a few hundred bytes; see
 * browser-bundle.ts). It loads nothing: it turns the header's search link into a search box and
 * waits. The search code (header-ui.ts; page-ui.ts on the search page) and Pagefind are fetched
 * only when the reader starts to search (focus on the box, typing, the "/" shortcut) or opens the
 * search page; the highlighting script only when the page was reached from a search.
 */
import { HIGHLIGHT_PARAM } from './params.ts';

// Written in by browser-bundle.ts: the content-hashed URLs of the bundled UIs and highlighter.
declare const __SEARCH_HEADER_URL__: string;
declare const __SEARCH_PAGE_URL__: string;
declare const __SEARCH_HIGHLIGHT_URL__: string;

type HeaderUi = typeof import('./header-ui.ts');
type PageUi = typeof import('./page-ui.ts');
type Highlight = typeof import('./highlight.ts');
let headerUi: Promise<HeaderUi> | undefined;
const loadHeaderUi = () => (headerUi ??= import(/* @vite-ignore */ __SEARCH_HEADER_URL__) as Promise<HeaderUi>);

const pageRoot = document.querySelector<HTMLElement>('[data-search-page-root]');
const control = document.querySelector<HTMLElement>('[data-search-control]');

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

function enhanceHeader(root: HTMLElement): HTMLInputElement | null {
  const template = root.querySelector<HTMLTemplateElement>('template[data-search-template]');
  const link = root.querySelector('a');
  if (!template || !link) return null;
  link.replaceWith(template.content.cloneNode(true));
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) return null;
  const start = () => void loadHeaderUi().then((m) => m.mountHeader(root));
  input.addEventListener('focus', start, { once: true });
  input.addEventListener('input', start, { once: true });
  return input;
}

// On the search page the page's own box is the search; the header keeps its plain link there.
let shortcutTarget: () => HTMLInputElement | null = () => null;
if (pageRoot) {
  void (import(/* @vite-ignore */ __SEARCH_PAGE_URL__) as Promise<PageUi>).then((m) => m.mountPage(pageRoot));
  shortcutTarget = () => pageRoot.querySelector<HTMLInputElement>('input[type="search"]');
} else if (control) {
  const input = enhanceHeader(control);
  shortcutTarget = () => input;
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const input = shortcutTarget();
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  void (import(/* @vite-ignore */ __SEARCH_HIGHLIGHT_URL__) as Promise<Highlight>).then((m) => m.highlightTerms());
}
