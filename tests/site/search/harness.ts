import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';

/** Helpers for the search checks: the content's names, and a page that records what it does. */

export interface NamedEntry {
  collection: 'actors' | 'glossary';
  id: string;
  name: string;
  altNames: string[];
  /** Canonical address without base, as the content model defines it. */
  path: string;
}

/** Every actor and glossary entry of a content folder, read from its YAML/JSON files. */
export function namedEntries(contentDir: string): NamedEntry[] {
  const entries: NamedEntry[] = [];
  for (const collection of ['actors', 'glossary'] as const) {
    const dir = join(contentDir, collection);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const match = file.match(/^(.+)\.(ya?ml|json)$/);
      if (!match) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      const data = (match[2] === 'json' ? JSON.parse(text) : parse(text)) as { name: string; altNames?: string[] };
      const id = match[1];
      entries.push({
        collection,
        id,
        name: data.name,
        altNames: data.altNames ?? [],
        path: collection === 'actors' ? `/actors/${id}/` : `/glossary/#${id}`,
      });
    }
  }
  return entries;
}

export interface Watched {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request the page made, in order. */
  requests: string[];
  /** Requests to anywhere but 127.0.0.1 (aborted). */
  offsite: string[];
}

/**
 * A new page that records console errors and requests, and refuses any request off 127.0.0.1.
 * Each test checks (and clears) its own records: see `takeProblems`.
 */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const watched: Watched = { page, errors: [], requests: [], offsite: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    watched.requests.push(url.href);
    if (url.hostname !== '127.0.0.1') {
      watched.offsite.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  return watched;
}

export interface ShownResult {
  href: string;
  title: string;
  section: string;
  excerpt: string;
}

/**
 * In the page: once the search UI in `container` has rendered its results for `query` (its status
 * names the query and the list is no longer busy), reads them. Runs as page source (see inPage),
 * so it uses nothing from outside itself.
 */
function resultsShownFor(container: string, query: string, timeoutMs: number): Promise<ShownResult[]> {
  const root = document.querySelector(container);
  const status = () => root?.querySelector('.search-status')?.textContent ?? '';
  const rendered = () => status().includes(`“${query}”`) && root?.querySelector('.search-output')?.getAttribute('aria-busy') !== 'true';
  const read = () =>
    [...(root?.querySelectorAll('.search-result') ?? [])].map((item) => ({
      href: item.querySelector('.search-result-link')?.getAttribute('href') ?? '',
      title: item.querySelector('.search-result-link')?.textContent ?? '',
      section: item.querySelector('.search-result-section')?.textContent ?? '',
      excerpt: item.querySelector('.search-result-excerpt')?.textContent ?? '',
    }));
  return new Promise((resolve, reject) => {
    if (!root) return reject(new Error(`no ${container} on the page`));
    if (rendered()) return resolve(read());
    const observer = new MutationObserver(() => {
      if (!rendered()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(read());
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no results for “${query}” in ${container} after ${timeoutMs} ms; its status says: ${status() || '(nothing)'}`));
    }, timeoutMs);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** A query of a batch: its results, or why there are none (so one slow query fails its own test only). */
export type QueryOutcome = ShownResult[] | { error: string };

/**
 * In the page: each query typed into the search page's box and submitted, its results awaited
 * before the next, as a reader would one after another. Stops typing at `deadline` (a time in ms
 * since the epoch), so that a hung batch never types on into a page a later test uses. Runs as
 * page source (see inPage).
 */
async function typeEachQuery(resultsFor: typeof resultsShownFor, queries: string[], timeoutMs: number, deadline: number): Promise<QueryOutcome[]> {
  const input = document.querySelector<HTMLInputElement>('#search-page-input');
  if (!input?.form) throw new Error('no search form (#search-page-input) on the page');
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    if (Date.now() > deadline) {
      outcomes.push({ error: 'not run: the batch ran out of time' });
      continue;
    }
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.form.requestSubmit();
    try {
      outcomes.push(await resultsFor('.search-page', query.trim(), Math.min(timeoutMs, Math.max(0, deadline - Date.now()))));
    } catch (error) {
      outcomes.push({ error: (error as Error).message });
    }
  }
  return outcomes;
}

/** How long a query may take to show its results before the check says so. */
const resultsTimeoutMs = 20_000;

/**
 * Page source calling `fn` with `args`: the in-page functions above are passed as their source,
 * evaluated through the DevTools protocol (which the site's CSP does not govern), so that one
 * can call another.
 */
const inPage = (fn: (...args: never[]) => unknown, ...args: string[]) => `(${fn.toString()})(${args.join(', ')})`;

/** Waits until the search UI has rendered results for `query` (its own event), then reads them. */
export function waitForResults(page: Page, query: string, container = '.search-page'): Promise<ShownResult[]> {
  return page.evaluate(inPage(resultsShownFor, JSON.stringify(container), JSON.stringify(query), String(resultsTimeoutMs))) as Promise<ShownResult[]>;
}

/** How long a batch of queries may type before it stops: well within the site project's hook timeout. */
const batchTimeoutMs = 120_000;

/**
 * On a search page already open, runs many queries in one round trip, each typed in and submitted
 * by the page's own form: Playwright's fill, press and wait for each query took twice the CPU of
 * the search itself (about 200 queries). The outcome of each query, in order.
 */
export function searchEach(page: Page, queries: readonly string[]): Promise<QueryOutcome[]> {
  return page.evaluate(inPage(typeEachQuery, resultsShownFor.toString(), JSON.stringify(queries), String(resultsTimeoutMs), String(Date.now() + batchTimeoutMs))) as Promise<QueryOutcome[]>;
}

/** A query's results, or its error thrown for the test that needs them. */
export function resultsOf(outcome: QueryOutcome | undefined): ShownResult[] {
  if (outcome === undefined) throw new Error('the query was not in the batch');
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome;
}

/** On the search page, presses "More results" until every result is shown, then reads them all. */
export async function allResults(page: Page, query: string): Promise<ShownResult[]> {
  const more = page.locator('.search-more-button');
  while (await more.isVisible()) {
    const before = await page.locator('.search-page .search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-page .search-result').length > n, before);
  }
  return waitForResults(page, query);
}

/**
 * On a search page already open, runs another query the way a reader does (types it, presses
 * Enter), without reloading the page: the search code and index stay warm.
 */
export async function searchAgain(page: Page, query: string): Promise<ShownResult[]> {
  const input = page.locator('#search-page-input');
  // Typing marks the results busy at once (aria-busy), so the wait below is for this query's results.
  await input.fill(query);
  await input.press('Enter');
  return waitForResults(page, query.trim());
}

/** Opens /search/?q=… and returns the results shown. */
export async function searchPage(page: Page, siteUrl: string, query: string): Promise<ShownResult[]> {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  return waitForResults(page, query.trim());
}

/** A result link without the highlight parameter: "/actors/x/?highlight=y#z" → "/actors/x/#z". */
export const pathOf = (href: string) => href.replace(/\?[^#]*/, '');

/** What a test's page did wrong since the last call (console errors, requests off 127.0.0.1); clears the records. */
export function takeProblems(watched: Watched): { errors: string[]; offsite: string[] } {
  const problems = { errors: [...watched.errors], offsite: [...watched.offsite] };
  watched.errors.length = 0;
  watched.offsite.length = 0;
  return problems;
}
