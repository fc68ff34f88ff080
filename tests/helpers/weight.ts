import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from 'playwright-core';

export interface WeighedRequest {
  url: string;
  kind: string;
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  path: string;
  /** gzip bytes by kind of resource (document, stylesheet, font, image, script, fetch, other). */
  byKind: Record<string, number>;
  total: number;
  raw: number;
  requests: WeighedRequest[];
}

/**
 * One response's weight, gzipped at level 9 (as a static host precompresses; level 6 adds ~1-2%);
 * undefined for a redirect, which carries no content.
 */
export async function weighResponse(response: Response): Promise<WeighedRequest | undefined> {
  if (response.status() >= 300 && response.status() < 400) return undefined;
  const body = await response.body().catch(() => Buffer.alloc(0));
  const type = response.request().resourceType();
  const kind = ['document', 'stylesheet', 'font', 'image', 'script'].includes(type) ? type : type === 'fetch' || type === 'xhr' ? 'fetch' : 'other';
  return { url: response.url(), kind, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/** Totals of a page's weighed requests. */
export function pageWeight(path: string, requests: WeighedRequest[]): PageWeight {
  const byKind: Record<string, number> = {};
  for (const request of requests) byKind[request.kind] = (byKind[request.kind] ?? 0) + request.gzip;
  return {
    path,
    byKind,
    total: requests.reduce((sum, r) => sum + r.gzip, 0),
    raw: requests.reduce((sum, r) => sum + r.bytes, 0),
    requests,
  };
}

/**
 * Loads a page and weighs everything it fetched (used by the bench; the tests weigh the shared
 * crawl, tests/helpers/crawl.ts). Only same-origin requests can happen (see privacy.test.ts).
 */
export async function weighPage(context: BrowserContext, url: string, path: string, act?: (page: Page) => Promise<void>): Promise<PageWeight> {
  const page = await context.newPage();
  const responses: Array<Promise<WeighedRequest | undefined>> = [];
  page.on('response', (response) => responses.push(weighResponse(response)));
  await page.goto(url, { waitUntil: 'networkidle' });
  if (act) {
    await act(page);
    await page.waitForLoadState('networkidle');
  }
  const requests = (await Promise.all(responses)).filter((r): r is WeighedRequest => r !== undefined);
  await page.close();
  return pageWeight(path, requests);
}
