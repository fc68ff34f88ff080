import { EXCLUDE_SELECTORS, HIGHLIGHT_PARAM } from './config.ts';
import { bundleUrl } from './pagefind.ts';

/**
 * On a page reached from a search result (its URL carries ?highlight=…), marks the matched words
 * with Pagefind's highlighting script, fetched from our own origin only in that case.
 */
export async function highlightTerms(): Promise<void> {
  await import(/* @vite-ignore */ bundleUrl('pagefind-highlight.js'));
  const Highlight = (window as unknown as { PagefindHighlight?: new (options: Record<string, unknown>) => unknown }).PagefindHighlight;
  if (!Highlight) return;
  const exclude = ['[data-pagefind-ignore]', ...EXCLUDE_SELECTORS].flatMap((selector) => [selector, `${selector} *`]);
  // Our stylesheet styles mark.pagefind-highlight (site.css); Pagefind's own styles would be an inline style.
  new Highlight({ highlightParam: HIGHLIGHT_PARAM, markContext: '[data-pagefind-body]', addStyles: false, markOptions: { className: 'pagefind-highlight', exclude } });
}
