import type { CitedPage } from '../cite/download-files.ts';
import type { Card } from '../preview/cards.ts';

/**
 * How the pages, as Astro renders them, hand work to the build's worker thread
 * (build-done-writers.ts): Astro renders in the process that runs the integrations, but from its
 * own bundle of the routes, whose copies of our modules share nothing with the integration's but
 * the global object. Set for the length of a production build only; absent under `astro dev` and
 * in tests that render a route.
 */
export interface BuildWriters {
  /** Every page's "Cite this page" downloads, written beside the pages while they render. */
  citeDownloads(pages: readonly CitedPage[]): void;
  /** A page names this link preview image: draw it now, beside rendering, into the cache. */
  previewImage(card: Card): void;
}

const KEY = Symbol.for('cited-explainer.build-writers');

export const buildWriters = (): BuildWriters | undefined => (globalThis as { [KEY]?: BuildWriters })[KEY];

export function setBuildWriters(writers: BuildWriters | undefined): void {
  (globalThis as { [KEY]?: BuildWriters })[KEY] = writers;
}
