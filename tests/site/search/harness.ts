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
}

/** Waits until the search UI has rendered results for `query` (its own event), then reads them. */
export async function waitForResults(page: Page, query: string, container = '.search-page'): Promise<ShownResult[]> {
  await page.waitForFunction(
    ({ query, container }) => {
      const root = document.querySelector(container);
      const status = root?.querySelector('.search-status')?.textContent ?? '';
      return status.includes(`“${query}”`) && root?.querySelector('.search-output')?.getAttribute('aria-busy') !== 'true';
    },
    { query, container },
  );
  return page.$$eval(`${container} .search-result`, (items) =>
    items.map((item) => ({
      href: item.querySelector<HTMLAnchorElement>('.search-result-link')?.getAttribute('href') ?? '',
      title: item.querySelector('.search-result-link')?.textContent ?? '',
      section: item.querySelector('.search-result-section')?.textContent ?? '',
    })),
  );
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
