import { beforeAll, describe, expect, it } from 'vitest';
import { type SiteCrawl, siteCrawl, siteIndex } from '../../helpers/crawl.ts';
import { builtSite, linkProblems, listPages, type SiteIndex, sourceUrls } from '../../helpers/site.ts';

// Every internal href, src and #fragment on every built page resolves to a page, a file or an id;
// external links go only to the sources' original articles and send no referrer. Read from the
// shared crawl (the DOM as published, JavaScript off).
const build = builtSite();
const pages = listPages(build.outDir);
const sources = sourceUrls(build.outDir);

let crawl: SiteCrawl;
let site: SiteIndex;
beforeAll(async () => {
  crawl = await siteCrawl('realSite');
  site = siteIndex(crawl);
});

describe('links on every page', () => {
  it('finds the pages by crawling the build', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/sources/');
    expect(Object.keys(crawl.byPage)).toEqual(pages);
  });

  it.each(pages)('%s: every link, fragment and id reference resolves', (path) => {
    expect(linkProblems(site, crawl.origin, path, sources)).toEqual([]);
  });
});

describe('the kinds of links the site promises are there (so the check above checks them)', () => {
  const all = () => Object.entries(crawl.byPage).flatMap(([path, page]) => page.facts.links.map((link) => ({ path, ...link })));
  const internal = () => all().filter((link) => link.url.startsWith(crawl.origin));

  it('no link reads as an address: its text is a name or words, never a path of the site', () => {
    const bare = all().filter((link) => link.tag === 'a' && /^\/\S*$/.test(link.text.trim()));
    expect(bare.map(({ path, text }) => `${path}: ${text}`)).toEqual([]);
  });

  it('citation previews link to archive paragraph anchors and to their endnote', () => {
    const preview = internal().filter((link) => link.region === 'preview');
    expect(preview.some((link) => /\/sources\/[^/]+\/#p\d+$/.test(link.url))).toBe(true);
    expect(preview.some((link) => /#note-\d+$/.test(link.url))).toBe(true);
  });

  it('endnotes link to archive paragraphs and back to their claims', () => {
    const endnotes = internal().filter((link) => link.region === 'endnotes');
    expect(endnotes.some((link) => /\/sources\/[^/]+\/#p\d+$/.test(link.url))).toBe(true);
    expect(endnotes.some((link) => /#claim-/.test(link.url))).toBe(true);
  });

  it('source pages link to the pages that cite them ("Cited on this site") and to their own paragraphs', () => {
    const fromSources = internal().filter((link) => /^\/sources\/[^/]+\/$/.test(link.path));
    // Each citing page once, by its name (the sentences under it are text, each with its ¶ link).
    expect(fromSources.some((link) => !link.url.includes('/sources/') && link.region === '' && /\/$/.test(link.url))).toBe(true);
    expect(fromSources.some((link) => /#claim-/.test(link.url))).toBe(false);
    expect(fromSources.some((link) => /#p\d+$/.test(link.url))).toBe(true);
  });

  it('glossary anchors resolve (when the site has a glossary)', ({ skip }) => {
    const glossaryLinks = internal().filter((link) => /glossary\/#./.test(link.url));
    // Skipped, and says so, until a page links into a glossary.
    if (glossaryLinks.length === 0) skip('no link into a glossary page in this build');
    expect(glossaryLinks.length).toBeGreaterThan(0); // resolution itself is checked per page above
  });

  it('external links exist, and every one goes to a source article listed in /sources.json', () => {
    const external = all().filter((link) => !link.url.startsWith(crawl.origin) && /^https?:/.test(link.url));
    expect(external.length).toBeGreaterThan(0);
    expect(sources.size).toBeGreaterThan(0);
    const elsewhere = external.filter((link) => !sources.has(link.url.split('#')[0])).map((link) => `${link.path}: <${link.tag} ${link.attribute}="${link.raw}">`);
    expect(elsewhere).toEqual([]);
  });
});
