import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../../helpers/axe.ts';
import { type OpenSite, openSite } from '../../helpers/crawl.ts';
import { builtSite, listPages, readPage } from '../../helpers/site.ts';
import { allResults, namedEntries, pathOf, type QueryOutcome, resultsOf, searchAgain, searchEach, searchPage, takeProblems, type Watched, waitForResults, watchedPage } from './harness.ts';

// Search in headless Chromium against the real site, built by the site project's global setup
// and served on 127.0.0.1. Expected pages are derived from the content (actors, glossary,
// incidents, explainer pages), never written here.
const build = builtSite();
const entries = namedEntries(build.contentDir);
const pages = listPages(build.outDir);

let open: OpenSite;
let watched: Watched;
beforeAll(async () => {
  open = await openSite(build.outDir, build.base);
  watched = await watchedPage(open.context);
});
afterAll(async () => open?.close());
// Every test answers for what its own page did: no console error, no request off 127.0.0.1.
afterEach(() => {
  if (watched) expect(takeProblems(watched)).toEqual({ errors: [], offsite: [] });
});

/** The explainer page (not an incident's, not an index) whose title holds every word of `query`, if any: the page about the thing. */
function aboutPage(query: string): string | undefined {
  const words = norm(query).split(' ');
  return pages.find((path) => {
    if (path === '/' || /^\/(incidents|actors|glossary|sources|search|data)\//.test(path) || path.split('/').length < 3) return false;
    const title = readPage(build.outDir, path).match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1] ?? '';
    return words.every((word) => norm(title).split(' ').includes(word));
  });
}

function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every page's indexed text, as Pagefind stored it (a search with no term lists every page). */
async function indexedTexts(): Promise<Array<{ url: string; content: string }>> {
  await searchAgain(watched.page, 'Armenia');
  // A string, not a function: Vitest would rewrite a function's import() for Node.
  const bundle = new URL('pagefind/pagefind.js', open.server.url).pathname;
  return (await watched.page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(bundle)});
    const search = await pagefind.search(null);
    return Promise.all(search.results.map(async (result) => {
      const data = await result.data();
      return { url: data.url, content: data.content };
    }));
  })()`)) as Array<{ url: string; content: string }>;
}

const url = (path: string) => new URL(path.replace(/^\//, ''), open.server.url).href;

describe('the index', () => {
  it('is written into the built site, with its alias map', () => {
    expect(existsSync(join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    const map = JSON.parse(readFileSync(join(build.outDir, 'pagefind', 'aliases.json'), 'utf8')) as { entries: Array<{ name: string; altNames: string[]; url: string }> };
    // Every glossary entry and actor, and each section of the site's navigation by its label.
    const nav = (JSON.parse(readFileSync(join(build.contentDir, 'site.json'), 'utf8')) as { nav: Array<{ label: string; href: string }> }).nav;
    expect(map.entries.map((e) => e.url).sort()).toEqual([...entries.map((e) => e.path), ...nav.map((item) => item.href)].sort());
    for (const item of nav) expect(map.entries).toContainEqual({ name: item.label, altNames: [], url: item.href });
  });

  it('every searchable page declares its section from the URL; the search page is left out of the index', () => {
    for (const path of pages) {
      const html = readPage(build.outDir, path);
      if (path === '/search/') {
        expect(html).not.toContain('data-pagefind-body');
        continue;
      }
      if (!html.includes('data-pagefind-body')) continue;
      if (path === '/') continue;
      expect(html, path).toMatch(/data-pagefind-filter="section\[content\]"/);
    }
  });

  it('alternate names sit in <meta> metadata on their canonical page, not in hidden text', () => {
    const withAliases = entries.filter((e) => e.altNames.length > 0);
    expect(withAliases.length).toBeGreaterThan(0);
    for (const entry of withAliases) {
      const html = readPage(build.outDir, entry.path.replace(/#.*$/, ''));
      const meta = html.match(/<meta name="search-aliases" content="([^"]*)" data-pagefind-meta="aliases\[content\]"/);
      expect(meta, entry.path).not.toBeNull();
    }
  });
});

describe('queries (one search page, kept open: each query typed into it)', () => {
  beforeAll(async () => {
    await watched.page.goto(url('/search/'));
    await watched.page.locator('#search-page-input').waitFor();
  });

  // Every name and every alternate name finds its canonical page first. A spelling shared by
  // several entries (an actor and a glossary entry both called CSTO) may find either first.
  const owners = new Map<string, Set<string>>();
  for (const entry of entries)
    for (const name of [entry.name, ...entry.altNames]) {
      const set = owners.get(norm(name)) ?? new Set();
      set.add(entry.path);
      owners.set(norm(name), set);
    }
  const nameQueries = entries.flatMap((entry) => [entry.name, ...entry.altNames].map((name) => [name, entry.path, name !== entry.name ? 'alternate' : 'name'] as const));

  it('the content has alternate spellings to test', () => {
    expect(nameQueries.filter(([, , kind]) => kind === 'alternate').length).toBeGreaterThan(5);
  });

  describe('every name and alternate name, typed one after another in one round trip (see searchEach)', () => {
    let nameResults: Map<string, QueryOutcome>;
    beforeAll(async () => {
      const queries = [...new Set(nameQueries.map(([query]) => query))];
      const results = await searchEach(watched.page, queries);
      nameResults = new Map(queries.map((query, i) => [query, results[i]]));
    });

    // A glossary entry's name may first find the explainer page about the thing, titled with it
    // ("The Lachin corridor" for "Lachin"): then the entry comes second (ranking.test.ts).
    it.each(nameQueries)('“%s” finds %s first (%s)', (query, path, _kind) => {
      const results = resultsOf(nameResults.get(query));
      expect(results.length).toBeGreaterThan(0);
      const accepted = [...(owners.get(norm(query)) ?? [])].map((p) => new URL(p.replace(/^\//, ''), open.server.url).pathname + (p.includes('#') ? `#${p.split('#')[1]}` : ''));
      const about = path.includes('#') ? aboutPage(query) : undefined;
      if (about) {
        expect(pathOf(results[0].href)).toBe(new URL(about.slice(1), open.server.url).pathname);
        expect(accepted).toContain(pathOf(results[1]?.href ?? ''));
      } else expect(accepted).toContain(pathOf(results[0].href));
    });
  });

  // Page titles: each explainer and incident page is in the top 3 for its own title.
  // (Pages left out of the index, the search page and the not-found page, are left out here too.)
  const titled = pages
    .filter((path) => path !== '/' && !path.startsWith('/sources/') && readPage(build.outDir, path).includes('data-pagefind-body'))
    .map(
      (path) =>
        [
          readPage(build.outDir, path)
            .match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]
            ?.replace(/&#39;/g, "'")
            .replace(/&amp;/g, '&'),
          path,
        ] as const,
    )
    .filter((pair): pair is readonly [string, string] => !!pair[0]);

  describe('every page title, typed one after another in one round trip', () => {
    let titleResults: QueryOutcome[];
    beforeAll(async () => {
      titleResults = await searchEach(
        watched.page,
        titled.map(([title]) => title),
      );
    });

    it.each(titled.map(([title, path], i) => [title, path, i] as const))('the title “%s” puts %s in the top 3', (_title, path, i) => {
      const results = resultsOf(titleResults[i]);
      const top = results.slice(0, 3).map((r) => pathOf(r.href).replace(/#.*$/, ''));
      expect(top).toContain(new URL(path.slice(1), open.server.url).pathname);
    });
  });

  it('a word the glossary only mentions finds the pages about it first, not the glossary', async () => {
    // "ceasefire" names no glossary entry, but several entries' explanations use it.
    const glossaryText = readPage(build.outDir, '/glossary/');
    expect(glossaryText).toMatch(/ceasefire/i);
    const results = await searchAgain(watched.page, 'ceasefire');
    expect(results.length).toBeGreaterThan(1);
    expect(new URL(pathOf(results[0].href), open.server.url).pathname).not.toBe(new URL('glossary/', open.server.url).pathname);
  });

  it('explainer pages come before archived source texts', async () => {
    // A word that the explainer pages and the archive both use.
    await searchAgain(watched.page, 'Armenia');
    const results = await allResults(watched.page, 'Armenia');
    // The archive's pages: the source texts and their list, all under /sources/.
    const isSource = results.map((r) => new URL(pathOf(r.href), open.server.url).pathname.startsWith(new URL('sources/', open.server.url).pathname));
    expect(isSource).toContain(true);
    expect(isSource).toContain(false);
    expect(isSource.indexOf(true)).toBeGreaterThan(isSource.lastIndexOf(false));
  });

  it('citation previews, endnotes and evidence lists are not indexed: no indexed text holds their link text', async () => {
    // "Archived text, paragraph N" is written only by the citation apparatus, on indexed pages.
    const apparatus = 'Archived text, paragraph';
    const indexedWithApparatus = pages.filter((path) => {
      const html = readPage(build.outDir, path);
      return html.includes('data-pagefind-body') && html.includes(apparatus);
    });
    expect(indexedWithApparatus.length, 'indexed pages carry the apparatus, so the check below can fail').toBeGreaterThan(0);
    const indexed = await indexedTexts();
    const indexedPaths = indexed.map((page) => pathOf(page.url));
    for (const path of indexedWithApparatus) expect(indexedPaths, `${path} is in the index`).toContain(new URL(path.slice(1), open.server.url).pathname);
    expect(indexed.filter((page) => page.content.includes(apparatus)).map((page) => page.url)).toEqual([]);
  });

  it("excerpts do not run the facts box's parties or the timeline's year and gap labels into prose; every incident page stays indexed", async () => {
    const indexed = await indexedTexts();
    const incidentsIndex = indexed.find((page) => pathOf(page.url) === new URL('incidents/', open.server.url).pathname);
    expect(incidentsIndex, '/incidents/ is indexed').toBeDefined();
    // The axis's own labels, read from the built page: "2022", "4 months later", a bar's name.
    const axisLabels = [...readPage(build.outDir, '/incidents/').matchAll(/<text class="time-axis-label[^"]*"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    const gapLabel = axisLabels.find((label) => /\D/.test(label) && !label.includes('→'));
    expect(gapLabel, 'the axis has a worded label, so the check can fail').toBeDefined();
    expect(incidentsIndex!.content).not.toContain(`${gapLabel}.`);
    expect(incidentsIndex!.content).not.toMatch(/\b20\d\d\. \d+ months? later/);
    const incidentPages = indexed.filter((page) => /\/incidents\/[^/]+\/$/.test(pathOf(page.url)));
    const built = pages.filter((path) => /^\/incidents\/[^/]+\/$/.test(path));
    expect(incidentPages.length).toBe(built.length);
    // Every incident page stays in the index (its title is Pagefind's title metadata, not its content).
    for (const page of incidentPages) expect(page.content, page.url).not.toMatch(/de facto authorities\.? What happened/);
  });

  it('results show excerpts with the matched words marked, and sub-results for headings', async () => {
    await searchAgain(watched.page, 'Armenia');
    const marks = await watched.page.$$eval('.search-page .search-result-excerpt mark', (els) => els.map((e) => e.textContent?.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    // Pagefind stems: "Armenia" also matches "Armenian".
    expect(marks.every((m) => m?.includes('armenia'))).toBe(true);
    const subLinks = await watched.page.$$eval('.search-page .search-subresult-link', (els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(subLinks.length).toBeGreaterThan(0);
    expect(subLinks.every((href) => href.includes('#'))).toBe(true);
  });
});

describe('filters', () => {
  it('a section narrows the results to that section, with the count it showed', async () => {
    await searchPage(watched.page, open.server.url, 'Armenia');
    const all = await allResults(watched.page, 'Armenia');
    const options = await watched.page.$$eval('.search-filter', (sets) =>
      sets.flatMap((set) => [...set.querySelectorAll('label')].map((label) => ({ legend: set.querySelector('legend')?.textContent, text: label.textContent?.trim() ?? '' }))),
    );
    const sections = options.filter((o) => o.legend === 'Section' && o.text !== 'All');
    expect(sections.length).toBeGreaterThan(1);
    const pick = sections.find((o) => Number(o.text.match(/\((\d+)\)$/)?.[1]) < all.length)!;
    expect(pick).toBeDefined();
    const [, label, count] = pick.text.match(/^(.*) \((\d+)\)$/)!;
    await watched.page.getByRole('radio', { name: pick.text }).check();
    await watched.page.waitForFunction((label) => new URL(location.href).searchParams.get('section') === label, label);
    await waitForResults(watched.page, 'Armenia');
    const narrowed = await allResults(watched.page, 'Armenia');
    expect(narrowed.length).toBe(Number(count));
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed.every((r) => r.section.startsWith(label))).toBe(true);
    expect(new URL(watched.page.url()).searchParams.get('section')).toBe(label);
  });

  it('the year filter narrows incidents to that year; a shared URL with filters runs them on load', async () => {
    const incidents = pages.filter((p) => /^\/incidents\/\d{4}-/.test(p));
    expect(incidents.length).toBeGreaterThan(0);
    const year = incidents[0].match(/\/(\d{4})-/)![1];
    await searchPage(watched.page, open.server.url, 'Armenia');
    const results = await allResults(watched.page, 'Armenia');
    expect(results.length).toBeGreaterThan(0);
    await watched.page.goto(url(`/search/?q=Armenia&year=${year}`));
    await waitForResults(watched.page, 'Armenia');
    const narrowed = await allResults(watched.page, 'Armenia');
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(results.length);
    expect(narrowed.every((r) => r.section.endsWith(year))).toBe(true);
    expect(await watched.page.getByRole('radio', { name: new RegExp(`^${year} \\(`) }).isChecked()).toBe(true);
  });
});

describe('keyboard', () => {
  it('“/” focuses the header box; arrows move through results; Esc closes; Enter follows a result and the page highlights the words', async () => {
    const { page } = watched;
    await page.goto(url('/'));
    await page.keyboard.press('/');
    const input = page.locator('#site-search-input');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    const query = entries.find((e) => e.collection === 'actors')!.name;
    await page.keyboard.type(query);
    await waitForResults(page, query, '.site-search');
    const links = page.locator('.site-search .search-result-link');
    expect(await links.count()).toBeGreaterThan(1);
    expect(await page.locator('#site-search-panel').isVisible()).toBe(true);

    const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);
    await page.keyboard.press('ArrowDown');
    expect(await focusedHref()).toBe(await links.nth(0).getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    expect(await focusedHref()).toBe(await links.nth(1).getAttribute('href'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedHref()).toBe('site-search-input');

    await page.keyboard.press('Escape');
    expect(await page.locator('#site-search-panel').isVisible()).toBe(false);
    expect(await focusedHref()).toBe('site-search-input');

    // ArrowDown reopens the panel on its first result.
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#site-search-panel').isVisible()).toBe(true);
    const target = await links.nth(0).getAttribute('href');
    expect(await focusedHref()).toBe(target);
    await Promise.all([page.waitForURL((u) => u.pathname === new URL(target!, open.server.url).pathname), page.keyboard.press('Enter')]);
    expect(page.url()).toContain('highlight=');
    await page.waitForSelector('mark.pagefind-highlight');
    expect(watched.requests.some((r) => r.endsWith('/pagefind/pagefind-highlight.js'))).toBe(true);
  });

  it('on the search page, “/” comes back to its box', async () => {
    const { page } = watched;
    await searchPage(page, open.server.url, 'ceasefire');
    await page.locator('.search-page .search-result-link').first().focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    expect(await page.inputValue('#search-page-input')).toBe('ceasefire');
  });

  it('Enter in the header box opens the search page with the query', async () => {
    const { page } = watched;
    await page.goto(url('/'));
    await page.locator('#site-search-input').fill('ceasefire');
    await Promise.all([page.waitForURL(/\/search\/\?q=ceasefire/), page.locator('#site-search-input').press('Enter')]);
    expect((await waitForResults(page, 'ceasefire')).length).toBeGreaterThan(0);
  });
});

describe('loading', () => {
  it('a plain page view loads no search code, no index and no highlighter; starting to search loads them', async () => {
    const { page } = watched;
    const before = watched.requests.length;
    await page.goto(url('/'));
    await page.waitForLoadState('networkidle');
    const plain = watched.requests.slice(before);
    expect(plain.filter((r) => r.includes('/pagefind/'))).toEqual([]);
    // The boot code is inline: a plain view fetches no script file at all.
    expect(plain.filter((r) => r.endsWith('.js'))).toEqual([]);

    await page.locator('#site-search-input').focus();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pagefind/pagefind.js')));
    const started = watched.requests.slice(before + plain.length);
    const searchScripts = started.filter((r) => r.endsWith('.js') && !r.includes('/pagefind/'));
    // The search UI arrives only now.
    expect(searchScripts.length).toBeGreaterThan(0);
    expect(started.some((r) => r.endsWith('/pagefind/pagefind.js'))).toBe(true);
  });

  it('the search page does not shift as its code swaps the no-JavaScript note for the form (a phone-sized screen)', async () => {
    const { page } = watched;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(url('/search/'));
      await page.locator('#search-page-input').waitFor();
      // Layout shifts since the page began, as Chromium reports them (what Lighthouse's CLS adds up).
      const shifts = await page.evaluate(
        () =>
          new Promise<number[]>((done) => {
            new PerformanceObserver((list) => done(list.getEntries().map((entry) => (entry as PerformanceEntry & { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => done([]), 500);
          }),
      );
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });
});

describe('accessibility of the search UI (axe-core)', () => {
  it.each(['light', 'dark'] as const)('header panel open and search page with results, %s scheme: no violations', async (scheme) => {
    // Dark changes colours only (tests/site/quality/accessibility.test.ts): its colour rules suffice.
    const rules = { colourOnly: scheme === 'dark' };
    // A context of its own in the shared browser, closed whatever the outcome.
    const context = await open.browser.newContext({ colorScheme: scheme });
    try {
      const page = await context.newPage();
      const query = entries.find((e) => e.altNames.length > 0)!.altNames[0];
      await page.goto(url('/'));
      await page.keyboard.press('/');
      await page.keyboard.type(query);
      await waitForResults(page, query, '.site-search');
      expect(await page.locator('#site-search-panel').isVisible()).toBe(true);
      expect(await axeViolations(page, undefined, rules)).toEqual([]);
      await searchPage(page, open.server.url, query);
      expect(await axeViolations(page, undefined, rules)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  it('the header control is a link to the search page, which says search needs JavaScript and links to the indexes', async () => {
    const context = await open.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(url('/'));
      const href = await page.locator('.site-search a').getAttribute('href');
      expect(new URL(href!, open.server.url).pathname).toBe(new URL('search/', open.server.url).pathname);
      await page.goto(url('/search/'));
      expect(await page.locator('.search-nojs').textContent()).toMatch(/needs JavaScript/);
      const nav = JSON.parse(readFileSync(join(build.contentDir, 'site.json'), 'utf8')).nav as Array<{ href: string }>;
      const links = await page.locator('.search-nojs a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      expect(links).toEqual(nav.map((n) => new URL(n.href.slice(1), open.server.url).pathname));
    } finally {
      await context.close();
    }
  });
});

// Keep the list of built pages honest: the checks above need incident and actor pages.
it('the build has actor, glossary and incident pages to search', () => {
  expect(readdirSync(build.outDir)).toEqual(expect.arrayContaining(['actors', 'glossary', 'incidents', 'pagefind']));
});
