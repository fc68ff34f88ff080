import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { writeFileAtomic } from '../../packages/cited-explainer/lib/atomic-write.ts';
import { axeViolations } from './axe.ts';
import { sharedChromium } from './browser.ts';
import { type MapFit, mapFit } from './map-fit.ts';
import { readerProblems } from './reader-checks.ts';
import { builtSite, listFiles, listPages, onePagePerKind, type PageFacts, pageFacts, pagesWithMarkers, type SiteIndex } from './site.ts';
import type { ProvidedBuild } from './site-global-setup.ts';
import { type StaticServer, serveStatic } from './static-server.ts';
import { firstFileToExist } from './wait-for-file.ts';
import { type WeighedRequest, weighResponse } from './weight.ts';

export interface OpenSite {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  /** Closes the context and the server (the browser is shared, see sharedChromium). */
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 and opens a context on it in the process's shared Chromium. */
export async function openSite(outDir: string, base: string, contextOptions: Parameters<Browser['newContext']>[0] = {}): Promise<OpenSite> {
  const server = await serveStatic(outDir, { base });
  try {
    const browser = await sharedChromium();
    const context = await browser.newContext(contextOptions);
    return {
      server,
      browser,
      context,
      close: async () => {
        await context.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** One Chromium page on a built site for the tests of a file: opened before them, closed after. */
export function sitePage(build: ProvidedBuild): { page: Page; open: OpenSite } {
  const site = {} as { page: Page; open: OpenSite };
  beforeAll(async () => {
    site.open = await openSite(build.outDir, build.base);
    site.page = await site.open.context.newPage();
  });
  afterAll(async () => site.open?.close());
  return site;
}

/** axe-core violations of one page, one line per failing element (see axe.ts). */
export interface PageAxe {
  light: string[];
  /** axe's colour rules only: the dark scheme changes nothing else. */
  dark: string[];
  /**
   * Within the first citation preview, open; on the first page with markers of each kind
   * (axeOnPreview): every preview is the same component, differing in its words only.
   */
  previewLight?: string[];
  previewDark?: string[];
}

/** What one crawl learnt about one page. */
export interface PageCrawl {
  /** HTTP status of the visit: with JavaScript in a thorough crawl, without in a plain one. */
  status: number;
  /** The DOM as published (no script run). */
  facts: PageFacts;
  /** Plain crawl (JavaScript off): whether the first h1 in <main> is visible, and the text of <main>. */
  noJs?: { h1Visible: boolean; mainText: string };
  /** The visit's plain view (loaded, network idle, no interaction): every response, weighed. */
  plainView: WeighedRequest[];
  /** Over the whole visit (plain view, then, in a thorough crawl, the first citation preview opened and the page scrolled to its end): */
  /** requests that failed or got an HTTP error, as "404 url" or "failed url"; */
  failed: string[];
  /** requests for another origin (aborted: nothing leaves the machine); */
  foreign: string[];
  /** console errors and uncaught exceptions; */
  consoleErrors: string[];
  /** console messages in which Chromium reports a Content-Security-Policy refusal. */
  cspViolations: string[];
  /** The site's stylesheet applied: how many style sheets, and the body's top margin (the site sets 0; browsers 8px). */
  style: { sheets: number; bodyMarginTop: string };
  /** Whether clicking the first citation marker opened its popover; null without markers, or when the crawl did not interact. */
  previewOpened: boolean | null;
  /** Present when the crawl was thorough (see crawlSite). */
  axe?: PageAxe;
  /** Thorough crawl: the first preview by keyboard (focus on its marker, then Enter, Escape, Enter, Tab, Escape); null without markers. */
  keyboard?: KeyboardPreview | null;
  /** Plain crawl: the first marker without JavaScript (a declarative popover), and the endnotes; null without markers. */
  noJsPreview?: NoJsPreview | null;
  /** Thorough crawl: the page as printed (print media, as loaded, before any interaction). */
  print?: PrintView;
  /** Thorough crawl: how far the page scrolls sideways at 320 px (light scheme), and what sticks out; null when it does not. */
  narrowOverflow?: string | null;
  /** Thorough crawl, a page with maps: how they fit their frames at 1280 px (light), then on phones at 390 px and at 320 px (map-fit.ts). */
  mapFits?: MapFit[];
}

export interface KeyboardPreview {
  /** Escape closed the preview the crawl had opened by a click. */
  escapeClosesClicked: boolean;
  /** With focus on the marker: Enter opened the preview, and it showed. */
  enterOpens: boolean;
  /** Escape closed it, and focus went back to the marker. */
  escapeCloses: boolean;
  focusReturned: boolean;
  /** Enter again, then Tab: focus moved into the preview; Escape closed it once more. */
  tabEntersPreview: boolean;
  closedAgain: boolean;
}

export interface NoJsPreview {
  hiddenBefore: boolean;
  shownOnClick: boolean;
  hiddenOnEscape: boolean;
  endnotesVisible: boolean;
  endnoteItems: number;
  /** The endnotes' first link to an archived paragraph, and what clicking it showed. */
  archiveHref: string;
  landedOn: string;
  target: { count: number; visible: boolean; id: string | null };
}

export interface PrintView {
  /** How many <nav> in <header>, and how many of those show. */
  headerNavs: number;
  headerNavsShown: number;
  /** The header's search box or form, shown. */
  headerSearchShown: number;
  bodyText: string;
  canonical: string | null;
  previewsShown: number;
  /** The first doc-endnotes block; null when the page has none. */
  endnotes: { visible: boolean; lists: number; sources: Array<{ visible: boolean; text: string; passages: number; sourceHref: string }> } | null;
}

/** One crawl of a built site in Chromium: everything the site checks assert on, gathered once. */
export interface SiteCrawl {
  outDir: string;
  /** "/" or "/explainer/". */
  base: string;
  /** The origin the site was served on during the crawl (absolute URLs in `facts` carry it). */
  origin: string;
  pages: string[];
  files: string[];
  byPage: Record<string, PageCrawl>;
}

/** What a page reports while one visit lasts. */
interface VisitRecord {
  failed: string[];
  foreign: string[];
  consoleErrors: string[];
  cspViolations: string[];
  /** Responses weighed while the view is still plain (before any interaction). */
  weighed: Array<Promise<WeighedRequest | undefined>> | null;
  /** The address of every response Playwright has reported in this visit. */
  responded: Set<string>;
}

/**
 * A Chromium page kept for many visits (a new page per visit costs more than the visit), whose
 * listeners report into the record of the visit under way.
 */
async function visitingPage(context: BrowserContext, origin: string, scripts: boolean) {
  const page = await context.newPage();
  const freshRecord = (weighed: VisitRecord['weighed']): VisitRecord => ({ failed: [], foreign: [], consoleErrors: [], cspViolations: [], weighed, responded: new Set() });
  let record = freshRecord(null);
  const pending = new Set<Request>();
  let waiters: Array<() => void> = [];
  const finished = (request: Request) => {
    pending.delete(request);
    if (pending.size === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };
  // Anything for another origin is recorded and aborted: nothing leaves the machine.
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (new URL(requested).origin === origin) return route.continue();
    record.foreign.push(requested);
    return route.abort('blockedbyclient');
  });
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', finished);
  page.on('requestfailed', (request) => {
    finished(request);
    const error = request.failure()?.errorText ?? 'unknown error';
    // net::ERR_ABORTED is the browser dropping a request because the crawl moved on to the next
    // page (the icon, which Chromium asks for late, at times): not the page's failure. A missing
    // file is an HTTP error (below); a refused or broken connection is another error, kept.
    if (new URL(request.url()).origin === origin && error !== 'net::ERR_ABORTED') record.failed.push(`failed ${request.url()} (${error})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) record.failed.push(`${response.status()} ${response.url()}`);
    record.responded.add(response.url());
    record.weighed?.push(weighResponse(response));
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) record.cspViolations.push(message.text());
    else if (message.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT/.test(message.text())) record.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => record.consoleErrors.push(error.message));
  return {
    page,
    /** Starts a new visit's record. */
    start(): VisitRecord {
      record = freshRecord([]);
      return record;
    },
    // Quiet is: nothing in flight after fonts are ready and two frames have been drawn (by which
    // time a script reacting to the load or an interaction has started its requests). Without
    // scripts no frame callback runs: Chromium's own network idle (500 ms without a request) lets
    // what the browser asks for after the load, such as the icon, start and end within the visit.
    async settled(): Promise<void> {
      for (;;) {
        if (pending.size > 0) await new Promise<void>((wake) => waiters.push(wake));
        if (scripts) await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
        else await page.waitForLoadState('networkidle');
        if (pending.size === 0) break;
      }
      if (scripts) await caughtUp();
    },
  };
  // Playwright hears of a request from the browser's network service, and of the page's state from
  // the page's own process: on a loaded machine a response can be reported after the page says it
  // is quiet (seen once: the search page's code missing from its plain view). So quiet also means
  // that every resource the page lists as loaded (the Resource Timing list) has been reported.
  async function caughtUp(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      const unreported = loaded.filter((url) => new URL(url).origin === origin && !record.responded.has(url));
      if (unreported.length === 0) return;
      if (Date.now() > deadline) throw new Error(`the page loaded ${unreported.join(', ')}, and Playwright reported no response for it within 10 s`);
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }
}

type VisitingPage = Awaited<ReturnType<typeof visitingPage>>;

/** How a page is visited: a thorough visit, and whether axe checks its open citation preview; or a plain one. */
type Visit = { thorough: true; axeOnPreview: boolean } | { thorough: false; landings: ArchiveLandings };

async function visitPage(visiting: VisitingPage, url: string, visit: Visit): Promise<PageCrawl> {
  const { page } = visiting;
  const record = visiting.start();
  await page.emulateMedia({ colorScheme: 'light' });
  const response = await page.goto(url);
  if (!response) throw new Error(`${url}: no response`);
  await visiting.settled();
  const plainView = (await Promise.all(record.weighed ?? [])).filter((r): r is WeighedRequest => r !== undefined);
  record.weighed = null;
  const style = await page.evaluate(() => ({ sheets: document.styleSheets.length, bodyMarginTop: getComputedStyle(document.body).marginTop }));
  const { failed, foreign, consoleErrors, cspViolations } = record;
  const plain = { status: response.status(), plainView, failed, foreign, consoleErrors, cspViolations, style };
  // The archive page a link leads to gets a record of its own, which nothing reads: it has a visit of its own.
  if (!visit.thorough) return { ...plain, previewOpened: null, facts: await pageFacts(page), ...(await withoutJavaScript(page, visit.landings, () => visiting.start())) };
  const facts = await pageFacts(page, await response.text());
  await page.emulateMedia({ media: 'print' });
  const print = await printView(page);
  await page.emulateMedia({ media: null });
  // Dark changes colours only (accessibility.test.ts checks the stylesheet says so): in dark, only
  // axe's colour rules can find anything the light run did not.
  const result: PageAxe = { light: await axeViolations(page), dark: [] };
  await page.emulateMedia({ colorScheme: 'dark' });
  result.dark = await axeViolations(page, undefined, { colourOnly: true });
  // Open a citation preview and scroll to the end, in case either loads something.
  let previewOpened: boolean | null = null;
  let keyboard: KeyboardPreview | null = null;
  const marker = page.locator('.cite-marker').first();
  if ((await marker.count()) > 0) {
    await marker.click();
    const id = await marker.getAttribute('popovertarget');
    previewOpened = await page.locator(`[id="${id}"]`).evaluate((element) => element.matches(':popover-open'));
    // Only the preview: the rest of the page is as it was, and was checked above in both schemes.
    const axePreview = previewOpened && visit.axeOnPreview;
    if (axePreview) result.previewDark = await axeViolations(page, `[id="${id}"]`, { colourOnly: true });
    await page.emulateMedia({ colorScheme: 'light' });
    if (axePreview) result.previewLight = await axeViolations(page, `[id="${id}"]`);
    keyboard = await keyboardPreview(page, marker, page.locator(`[id="${id}"]`));
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await visiting.settled();
  // The narrowest phone last: the page object is reused, so its window is put back.
  await page.emulateMedia({ colorScheme: 'light' });
  // The 390 px phone is for maps only: a page without one is laid out there for nothing.
  const hasMaps = (await page.locator('.map-frame').count()) > 0;
  const mapFits = hasMaps ? [await mapFit(page)] : undefined;
  if (mapFits) {
    await page.setViewportSize({ width: 390, height: 900 });
    mapFits.push(await mapFit(page));
  }
  await page.setViewportSize({ width: 320, height: 900 });
  const narrowOverflow = (await readerProblems(page, { overflowOnly: true })).overflow;
  mapFits?.push(await mapFit(page));
  await page.setViewportSize(DEFAULT_VIEWPORT);
  return { ...plain, facts, previewOpened, axe: result, keyboard, print, narrowOverflow, mapFits };
}

/** The pages whose open citation preview a thorough crawl checks with axe: the first with markers of each kind. */
export const axeOnPreview = (outDir: string, pages: string[]) => onePagePerKind(pagesWithMarkers(outDir, pages));

/** Playwright's default window, which the crawl's pages start with. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

async function keyboardPreview(page: Page, marker: Locator, preview: Locator): Promise<KeyboardPreview> {
  const isOpen = () => preview.evaluate((element) => element.matches(':popover-open'));
  const markerHasFocus = () => marker.evaluate((element) => element === document.activeElement);
  await page.keyboard.press('Escape');
  const escapeClosesClicked = !(await isOpen());
  await marker.focus();
  await page.keyboard.press('Enter');
  const enterOpens = (await isOpen()) && (await preview.isVisible());
  await page.keyboard.press('Escape');
  const escapeCloses = !(await isOpen());
  const focusReturned = await markerHasFocus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const tabEntersPreview = await preview.evaluate((element) => element.contains(document.activeElement));
  await page.keyboard.press('Escape');
  return { escapeClosesClicked, enterOpens, escapeCloses, focusReturned, tabEntersPreview, closedAgain: !(await isOpen()) };
}

/** What shows of the page under print media (shown: a box, not visibility: hidden, as Playwright's isVisible). */
function printView(page: Page): Promise<PrintView> {
  return page.evaluate(() => {
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const count = (selector: string, root: ParentNode = document) => root.querySelectorAll(selector).length;
    const navs = [...document.querySelectorAll('header nav')];
    const endnotes = document.querySelector('[role="doc-endnotes"]');
    return {
      headerNavs: navs.length,
      headerNavsShown: navs.filter(shown).length,
      headerSearchShown: [...document.querySelectorAll('header [role="search"], header form')].filter(shown).length,
      bodyText: document.body.innerText,
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      previewsShown: [...document.querySelectorAll('.cite-preview')].filter(shown).length,
      endnotes: endnotes && {
        visible: shown(endnotes),
        lists: count('ol', endnotes),
        sources: [...endnotes.querySelectorAll('.endnote-source')].map((note) => ({
          visible: shown(note),
          text: (note as HTMLElement).innerText,
          passages: count('li[id^="note-"]', note),
          sourceHref: note.querySelector('a[href*="/sources/"]')?.getAttribute('href') ?? '',
        })),
      },
    };
  });
}

/** Where following an archive link landed, by the link's address. */
type ArchiveLandings = Map<string, Pick<NoJsPreview, 'landedOn' | 'target'>>;

/**
 * Without JavaScript: the first marker opens its preview and Escape closes it; the endnotes show;
 * their first archive link lands on its paragraph. A link another page's visit has followed
 * already is not followed again: it lands where it landed then (48 pages link 29 paragraphs).
 * `leaving` is called before the link is followed, so that what the archive page loads is not
 * counted as the page's.
 */
async function noJsPreview(page: Page, landings: ArchiveLandings, leaving: () => void): Promise<NoJsPreview | null> {
  const marker = page.locator('.cite-marker').first();
  if ((await marker.count()) === 0) return null;
  const preview = page.locator(`[id="${await marker.getAttribute('popovertarget')}"]`);
  const hiddenBefore = !(await preview.isVisible());
  await marker.click();
  const shownOnClick = await preview.isVisible();
  await page.keyboard.press('Escape');
  const hiddenOnEscape = !(await preview.isVisible());
  const endnotes = page.locator('[role="doc-endnotes"]').first();
  const endnotesVisible = await endnotes.isVisible();
  const endnoteItems = await endnotes.locator('li').count();
  const archiveLink = endnotes.locator('a[href*="/sources/"][href*="#p"]').first();
  const archiveHref = (await archiveLink.getAttribute('href')) ?? '';
  let landing = landings.get(archiveHref);
  if (!landing) {
    leaving();
    await archiveLink.click();
    await page.waitForURL((url) => url.href.endsWith(archiveHref.replace(/^.*\/sources\//, '/sources/')));
    const target = page.locator(':target');
    const count = await target.count();
    landing = { landedOn: page.url(), target: { count, visible: count === 1 && (await target.isVisible()), id: count === 1 ? await target.getAttribute('id') : null } };
    landings.set(archiveHref, landing);
  }
  return { hiddenBefore, shownOnClick, hiddenOnEscape, endnotesVisible, endnoteItems, archiveHref, ...landing };
}

/** What a page loaded without JavaScript shows, and what its first marker and archive link do (this navigates away; see noJsPreview). */
async function withoutJavaScript(page: Page, landings: ArchiveLandings, leaving: () => void): Promise<Pick<PageCrawl, 'noJs' | 'noJsPreview'>> {
  const h1 = page.locator('main h1').first();
  const main = page.locator('main').first();
  return {
    noJs: {
      h1Visible: (await h1.count()) > 0 && (await h1.isVisible()),
      mainText: (await main.count()) > 0 ? (await main.innerText()).trim() : '',
    },
    noJsPreview: await noJsPreview(page, landings, leaving),
  };
}

// Pages visited side by side: a visit waits on Chromium about half the time (measured: three at a
// time left a core idle through the crawl).
const pagesAtATime = 5;

/**
 * Serves a built site and visits every page once: requests and their weights, console, CSP
 * refusals, the site's stylesheet, the DOM as published (links, ids, scripts, CSP). A `thorough`
 * crawl makes that visit with JavaScript, then prints the page, runs axe-core in both colour
 * schemes (dark: its colour rules), opens a citation preview (and runs axe on it, on a page of each
 * kind: axeOnPreview), tries the preview by keyboard, scrolls to the end and lays the page out at
 * 320 px. A plain crawl makes it without JavaScript: what shows, the first citation marker and the
 * endnotes, the first archive link. The two real-site builds get one each (see saveCrawl), so
 * every page is seen both ways. The checks that need a page of their own are gathered into these
 * visits: loading a page is most of a check's cost. A few pages at a time: much of a visit is
 * waiting for Chromium.
 */
export async function crawlSite(outDir: string, base: string, options: { thorough: boolean }): Promise<SiteCrawl> {
  const open = await openSite(outDir, base, options.thorough ? {} : { javaScriptEnabled: false });
  try {
    const pages = listPages(outDir);
    const previewsForAxe = new Set(axeOnPreview(outDir, pages));
    const byPage: Record<string, PageCrawl> = {};
    const landings: ArchiveLandings = new Map();
    const queue = [...pages];
    const worker = async () => {
      const visiting = await visitingPage(open.context, open.server.origin, options.thorough);
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const visit: Visit = options.thorough ? { thorough: true, axeOnPreview: previewsForAxe.has(path) } : { thorough: false, landings };
        byPage[path] = await visitPage(visiting, new URL(path.slice(1), open.server.url).href, visit);
      }
    };
    await Promise.all(Array.from({ length: pagesAtATime }, worker));
    return { outDir, base: new URL(open.server.url).pathname, origin: open.server.origin, pages, files: listFiles(outDir), byPage: Object.fromEntries(pages.map((path) => [path, byPage[path]])) };
  } finally {
    await open.close();
  }
}

/**
 * The shared crawl of a real-site build (see site-global-setup.ts): made by the first test file
 * that asks for it and kept beside the build as JSON, so that every later file reads the same data
 * instead of loading the pages again. The build at "/" is crawled thoroughly (axe, a preview opened);
 * the sub-path build without JavaScript.
 */
export async function siteCrawl(which: 'realSite' | 'realSiteUnderBase' = 'realSite'): Promise<SiteCrawl> {
  const build: ProvidedBuild = builtSite(which);
  const file = crawlFile(build.outDir);
  // The global setup crawls each real-site build while the first site files run: wait for it.
  if ((await firstFileToExist([file, crawlFailedFile(build.outDir)], 15 * 60_000)) === file) return JSON.parse(readFileSync(file, 'utf8')) as SiteCrawl;
  return saveCrawl(which, build.outDir, build.base);
}

/** Where the crawl of a built folder is kept. */
const crawlFile = (outDir: string) => `${outDir}.crawl.json`;
/** Where the global setup notes that its crawl failed: the first file that needs the crawl makes it again, and reports why. */
const crawlFailedFile = (outDir: string) => `${outDir}.crawl-failed`;

/** The global setup's crawl of a real-site build: kept as saveCrawl keeps it, or marked failed. */
export const setupCrawl = (which: 'realSite' | 'realSiteUnderBase', outDir: string, base: string): Promise<void> =>
  saveCrawl(which, outDir, base).then(
    () => undefined,
    (error: unknown) => writeFileAtomic(crawlFailedFile(outDir), String(error)),
  );

/** Crawls a built site and keeps the crawl beside it (the global setup crawls both real-site builds at once). */
export async function saveCrawl(which: 'realSite' | 'realSiteUnderBase', outDir: string, base: string): Promise<SiteCrawl> {
  // The build at "/" is crawled thoroughly, with JavaScript; the sub-path build without it.
  const crawl = await crawlSite(outDir, base, { thorough: which === 'realSite' });
  writeFileAtomic(crawlFile(outDir), JSON.stringify(crawl));
  return crawl;
}

/** The crawl as the link checker reads it. */
export function siteIndex(crawl: SiteCrawl): SiteIndex {
  return {
    outDir: crawl.outDir,
    base: crawl.base,
    pages: crawl.pages,
    files: new Set(crawl.files),
    facts: new Map(Object.entries(crawl.byPage).map(([path, page]) => [path, page.facts])),
  };
}
