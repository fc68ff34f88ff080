import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { listFiles, listPages, pageFacts, type SiteIndex } from './site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

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

/** Loads every page of a built site (JavaScript off: the HTML as published) and reads its facts. */
export async function crawl(open: OpenSite, outDir: string, base: string): Promise<SiteIndex> {
  const normalBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const pages = listPages(outDir);
  const site: SiteIndex = { outDir, base: normalBase, pages, files: new Set(listFiles(outDir)), facts: new Map() };
  const page = await open.context.newPage();
  for (const path of pages) {
    const response = await page.goto(new URL(path.slice(1), open.server.url).href);
    if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
    site.facts.set(path, await pageFacts(page));
  }
  await page.close();
  return site;
}
