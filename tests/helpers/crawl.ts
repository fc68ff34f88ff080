import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { writeFileAtomic } from '../../src/lib/atomic-write.ts';
import { axeViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import type { ProvidedBuild } from './site-global-setup.ts';
import { builtSite, listFiles, listPages, pageFacts, type PageFacts, type SiteIndex } from './site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import { weighResponse, type WeighedRequest } from './weight.ts';

export interface OpenSite {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 and opens a Chromium context on it. */
export async function openSite(outDir: string, base: string, contextOptions: Parameters<Browser['newContext']>[0] = {}): Promise<OpenSite> {
  const server = await serveStatic(outDir, { base });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext(contextOptions);
    return {
      server,
      browser,
      context,
      close: async () => {
        await browser?.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/** axe-core violations of one page, one line per failing element (see axe.ts). */
export interface PageAxe {
  light: string[];
  dark: string[];
  /** Within the first citation preview, open; absent on a page without citation markers. */
  previewLight?: string[];
  previewDark?: string[];
}

/** What one crawl learnt about one page. */
export interface PageCrawl {
  /** HTTP status of the page with JavaScript on, and off. */
  status: number;
  noJsStatus: number;
  /** The DOM as published (JavaScript off). */
  facts: PageFacts;
  /** Without JavaScript: whether the first h1 in <main> is visible, and the text of <main>. */
  noJs: { h1Visible: boolean; mainText: string };
  /** With JavaScript, a plain view (loaded, network idle, no interaction): every response, weighed. */
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
}

/**
 * A Chromium page kept for many visits (a new page per visit costs more than the visit), whose
 * listeners report into the record of the visit under way.
 */
async function visitingPage(context: BrowserContext, origin: string) {
  const page = await context.newPage();
  let record: VisitRecord = { failed: [], foreign: [], consoleErrors: [], cspViolations: [], weighed: null };
  const pending = new Set<Request>();
  let waiters: Array<() => void> = [];
  const finished = (request: Request) => {
    pending.delete(request);
    if (pending.size === 0) (waiters.forEach((wake) => wake()), (waiters = []));
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
    if (new URL(request.url()).origin === origin) record.failed.push(`failed ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) record.failed.push(`${response.status()} ${response.url()}`);
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
      record = { failed: [], foreign: [], consoleErrors: [], cspViolations: [], weighed: [] };
      return record;
    },
    // Quiet is: nothing in flight after fonts are ready and two frames have been drawn (by which
    // time a script reacting to the load or an interaction has started its requests).
    async settled(): Promise<void> {
      for (;;) {
        if (pending.size > 0) await new Promise<void>((wake) => waiters.push(wake));
        await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
        if (pending.size === 0) return;
      }
    },
  };
}

type VisitingPage = Awaited<ReturnType<typeof visitingPage>>;

async function visitWithJavaScript(visiting: VisitingPage, url: string, thorough: boolean): Promise<Omit<PageCrawl, 'noJsStatus' | 'facts' | 'noJs'>> {
  const { page } = visiting;
  const record = visiting.start();
  await page.emulateMedia({ colorScheme: 'light' });
  const response = await page.goto(url);
  await visiting.settled();
  const plainView = (await Promise.all(record.weighed ?? [])).filter((r): r is WeighedRequest => r !== undefined);
  record.weighed = null;
  const style = await page.evaluate(() => ({ sheets: document.styleSheets.length, bodyMarginTop: getComputedStyle(document.body).marginTop }));
  const { failed, foreign, consoleErrors, cspViolations } = record;
  const plain = { status: response?.status() ?? 0, plainView, failed, foreign, consoleErrors, cspViolations, style };
  if (!thorough) return { ...plain, previewOpened: null };
  const result: PageAxe = { light: await axeViolations(page), dark: [] };
  await page.emulateMedia({ colorScheme: 'dark' });
  result.dark = await axeViolations(page);
  // Open a citation preview and scroll to the end, in case either loads something.
  let previewOpened: boolean | null = null;
  const marker = page.locator('.cite-marker').first();
  if ((await marker.count()) > 0) {
    await marker.click();
    const id = await marker.getAttribute('popovertarget');
    previewOpened = await page.locator(`[id="${id}"]`).evaluate((element) => element.matches(':popover-open'));
    if (previewOpened) {
      // Only the preview: the rest of the page is as it was, and was checked above in both schemes.
      result.previewDark = await axeViolations(page, `[id="${id}"]`);
      await page.emulateMedia({ colorScheme: 'light' });
      result.previewLight = await axeViolations(page, `[id="${id}"]`);
    }
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await visiting.settled();
  return { ...plain, previewOpened, axe: result };
}

async function visitWithoutJavaScript(page: Page, url: string): Promise<Pick<PageCrawl, 'noJsStatus' | 'facts' | 'noJs'>> {
  const response = await page.goto(url);
  const h1 = page.locator('main h1').first();
  const main = page.locator('main').first();
  return {
    noJsStatus: response?.status() ?? 0,
    facts: await pageFacts(page),
    noJs: {
      h1Visible: (await h1.count()) > 0 && (await h1.isVisible()),
      mainText: (await main.count()) > 0 ? (await main.innerText()).trim() : '',
    },
  };
}

/**
 * Serves a built site and visits every page twice: without JavaScript (the DOM as published: links,
 * ids, scripts, CSP; what shows) and with it (requests and their weights, console, CSP refusals,
 * the site's stylesheet; when `thorough`, also axe-core in both colour schemes, then a citation
 * preview opened, axe on it, and the page scrolled to its end). A few pages at a time: much of a
 * visit is waiting for Chromium.
 */
export async function crawlSite(outDir: string, base: string, options: { thorough: boolean }): Promise<SiteCrawl> {
  const open = await openSite(outDir, base);
  try {
    const noJsContext = await open.browser.newContext({ javaScriptEnabled: false });
    const pages = listPages(outDir);
    const byPage: Record<string, PageCrawl> = {};
    const queue = [...pages];
    const worker = async () => {
      const withJs = await visitingPage(open.context, open.server.origin);
      const withoutJs = await noJsContext.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const url = new URL(path.slice(1), open.server.url).href;
        byPage[path] = { ...(await visitWithJavaScript(withJs, url, options.thorough)), ...(await visitWithoutJavaScript(withoutJs, url)) };
      }
    };
    await Promise.all(Array.from({ length: 3 }, worker));
    return { outDir, base: new URL(open.server.url).pathname, origin: open.server.origin, pages, files: listFiles(outDir), byPage: Object.fromEntries(pages.map((path) => [path, byPage[path]])) };
  } finally {
    await open.close();
  }
}

/**
 * The shared crawl of a real-site build (see site-global-setup.ts): made by the first test file
 * that asks for it and kept beside the build as JSON, so that every later file reads the same data
 * instead of loading the pages again. The build at "/" is crawled thoroughly (axe, a preview opened);
 * the sub-path build, which checks addresses, is not.
 */
export async function siteCrawl(which: 'realSite' | 'realSiteUnderBase' = 'realSite'): Promise<SiteCrawl> {
  const build: ProvidedBuild = builtSite(which);
  const file = `${build.outDir}.crawl.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SiteCrawl;
  const crawl = await crawlSite(build.outDir, build.base, { thorough: which === 'realSite' });
  writeFileAtomic(file, JSON.stringify(crawl));
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
