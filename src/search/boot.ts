/**
 * The only script a plain page view runs, inlined in every page (a few hundred bytes; see
 * browser-bundle.ts). It loads nothing: it turns the header's search link into a search box and
 * waits. The search code (ui.ts) and Pagefind are fetched only when the reader starts to search
 * (focus on the box, typing, the "/" shortcut) or opens the search page; the highlighting script
 * only when the page was reached from a search.
 */
import { HIGHLIGHT_PARAM } from './params.ts';

// Written in by browser-bundle.ts: the content-hashed URLs of the bundled ui.ts and highlight.ts.
declare const __SEARCH_UI_URL__: string;
declare const __SEARCH_HIGHLIGHT_URL__: string;

type Ui = typeof import('./ui.ts');
type Highlight = typeof import('./highlight.ts');
let ui: Promise<Ui> | undefined;
const loadUi = () => (ui ??= import(/* @vite-ignore */ __SEARCH_UI_URL__) as Promise<Ui>);

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
  const start = () => void loadUi().then((m) => m.mountHeader(root));
  input.addEventListener('focus', start, { once: true });
  input.addEventListener('input', start, { once: true });
  return input;
}

// On the search page the page's own box is the search; the header keeps its plain link there.
let shortcutTarget: () => HTMLInputElement | null = () => null;
if (pageRoot) {
  void loadUi().then((m) => m.mountPage(pageRoot));
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
