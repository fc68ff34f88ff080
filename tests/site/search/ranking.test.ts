import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type OpenSite, openSite } from '../../helpers/crawl.ts';
import { builtSite, listPages, readPage } from '../../helpers/site.ts';
import { pathOf, type QueryOutcome, resultsOf, searchEach, takeProblems, type Watched, watchedPage } from './harness.ts';

// Ranking (issue 22): the page about the thing first, then incidents, actors, the glossary and the
// sources; excerpts from the start of a sentence; a publication's name finds its source texts.
// Every query and every expected page is derived from the built site and its alias map.
const build = builtSite();
const pages = listPages(build.outDir);
const titleOf = (path: string) =>
  readPage(build.outDir, path)
    .match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]
    ?.replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&') ?? '';
const words = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const incidents = pages.filter((path) => /^\/incidents\/[^/]+\/$/.test(path));
const explainerPages = pages.filter((path) => path !== '/' && !/^\/(incidents|actors|glossary|sources|search|data|about)\//.test(path) && readPage(build.outDir, path).includes('data-pagefind-body'));
const map = JSON.parse(readFileSync(join(build.outDir, 'pagefind', 'aliases.json'), 'utf8')) as {
  entries: Array<{ name: string; url: string }>;
  publications: Array<{ name: string; urls: string[] }>;
};
// A glossary entry named by an explainer page's title: "Lachin" and "The Lachin corridor".
const about = map.entries
  .filter((entry) => entry.url.includes('#'))
  .flatMap((entry) => {
    const page = explainerPages.find((path) => words(entry.name).every((word) => words(titleOf(path)).includes(word)));
    return page ? [{ query: entry.name, page, entry: entry.url }] : [];
  });
// Publications as readers write them: the publisher's name, and a word of it in capitals ("BBC" of "BBC News").
const publications = map.publications.filter((p) => /\s/.test(p.name));
const namesOf = (name: string) => [name, ...name.split(/\s+/).filter((word) => word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word))];

let open: OpenSite;
let watched: Watched;
let outcomes: Map<string, QueryOutcome>;
const queries = [...new Set([...about.map((a) => a.query), ...incidents.map(titleOf), ...publications.flatMap((p) => namesOf(p.name))])];
beforeAll(async () => {
  open = await openSite(build.outDir, build.base);
  watched = await watchedPage(open.context);
  await watched.page.goto(new URL('search/', open.server.url).href);
  await watched.page.locator('#search-page-input').waitFor();
  const results = await searchEach(watched.page, queries);
  outcomes = new Map(queries.map((query, i) => [query, results[i]]));
});
afterAll(async () => open?.close());
afterEach(() => {
  if (watched) expect(takeProblems(watched)).toEqual({ errors: [], offsite: [] });
});
const shown = (query: string) =>
  resultsOf(outcomes.get(query)).map((r) => ({
    ...r,
    path: new URL(pathOf(r.href), open.server.url).pathname.replace(new URL(open.server.url).pathname, '/') + (r.href.includes('#') ? `#${r.href.split('#')[1]}` : ''),
  }));

describe('search ranking', () => {
  it('the site has glossary entries with a page about them, incidents and publications to test', () => {
    expect(about.length).toBeGreaterThan(0);
    expect(incidents.length).toBeGreaterThan(0);
    expect(publications.length).toBeGreaterThan(0);
  });

  it.each(about)('“$query” finds $page, the page about it, first, then its glossary entry', ({ query, page, entry }) => {
    const results = shown(query);
    expect(results[0]?.path).toBe(page);
    expect(results.slice(1, 3).map((r) => r.path)).toContain(entry);
  });

  it.each(incidents.map((path) => [titleOf(path), path]))('the event “%s” finds its incident first, and every incident before any actor, glossary or source page', (title, path) => {
    const results = shown(title).map((r) => r.path);
    expect(results[0]).toBe(path);
    const tier = (p: string) => (p.startsWith('/actors/') ? 2 : p.startsWith('/glossary/') ? 3 : p.startsWith('/sources/') ? 4 : p.startsWith('/incidents/') ? 1 : 0);
    const tiers = results.map(tier);
    expect(tiers.slice(1)).toEqual([...tiers.slice(1)].sort((a, b) => Math.max(a, 1) - Math.max(b, 1)));
  });

  it.each(publications.flatMap((p) => namesOf(p.name).map((query) => [query, p.urls] as const)))('the publication “%s” finds its source texts first', (query, urls) => {
    const results = shown(query).map((r) => r.path);
    expect(results.slice(0, urls.length).sort()).toEqual([...urls].sort());
  });

  it('excerpts start at the start of a sentence, or say that the text begins earlier', () => {
    const excerpts = [...outcomes.values()].flatMap((outcome) => resultsOf(outcome).map((r) => r.excerpt.trim()));
    expect(excerpts.length).toBeGreaterThan(10);
    for (const excerpt of excerpts) expect(excerpt).toMatch(/^(…|["“‘'(]?\p{Lu}|\d)/u);
  });
});
