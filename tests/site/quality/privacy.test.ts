import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type OpenSite } from '../../helpers/crawl.ts';
import { parseCsp, unsafeScriptSources } from '../../helpers/csp.ts';
import { builtSite, listPages, pageFacts, pageType } from '../../helpers/site.ts';

// Privacy and security: a page, loaded in Chromium, asks nothing of any other origin; every page
// carries a Content-Security-Policy (meta tag, and the _headers file for hosts that read one) that
// allows no inline script except by hash; no inline event handlers.
const build = builtSite();
const pages = listPages(build.outDir);

let open: OpenSite;
let page: Page;
const foreign: string[] = [];
const refused: string[] = [];
beforeAll(async () => {
  open = await openSite(build.outDir, build.base);
  // Anything for another origin is recorded and aborted: nothing leaves the machine.
  await open.context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === open.server.origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page = await open.context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
});
afterAll(async () => open?.close());

describe('no request leaves the origin', () => {
  it.each(pages.map((path) => [path, pageType(path)]))('%s (%s)', async (path) => {
    foreign.length = 0;
    refused.length = 0;
    const response = await page.goto(new URL(path.slice(1), open.server.url).href, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    // Open a citation preview and scroll to the end, in case either loads something.
    const marker = page.locator('.cite-marker').first();
    if ((await marker.count()) > 0) await marker.click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(refused, 'Content-Security-Policy violations reported by Chromium').toEqual([]);
  });
});

describe('Content-Security-Policy and inline code', () => {
  const headersFile = join(build.outDir, '_headers');

  it('the build has a _headers file with a CSP, no-referrer and nosniff for every path', () => {
    expect(existsSync(headersFile)).toBe(true);
    const text = readFileSync(headersFile, 'utf8');
    expect(text).toMatch(/^\/\*$/m);
    expect(text).toMatch(/^\s+Content-Security-Policy: .+$/m);
    expect(text).toMatch(/^\s+Referrer-Policy: no-referrer$/m);
    expect(text).toMatch(/^\s+X-Content-Type-Options: nosniff$/m);
    const csp = parseCsp(/Content-Security-Policy: (.+)$/m.exec(text)![1]);
    expect(unsafeScriptSources(csp)).toEqual([]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it.each(pages)('%s: one CSP meta tag, the same as _headers, no inline script without its hash, no on* handlers', async (path) => {
    await page.goto(new URL(path.slice(1), open.server.url).href);
    const facts = await pageFacts(page);
    expect(facts.csp).toHaveLength(1);
    const meta = parseCsp(facts.csp[0]);
    expect(unsafeScriptSources(meta)).toEqual([]);
    expect(meta.get('default-src')).toEqual(["'self'"]);
    expect(meta.get('object-src')).toEqual(["'none'"]);
    expect(meta.has('base-uri')).toBe(true);
    // The header policy says the same (it may add what a meta tag cannot carry, such as frame-ancestors).
    const header = parseCsp(/Content-Security-Policy: (.+)$/m.exec(readFileSync(headersFile, 'utf8'))![1]);
    for (const [directive, sources] of meta) expect(header.get(directive), `_headers ${directive}`).toEqual(sources);

    const scriptSrc = meta.get('script-src') ?? [];
    const executable = facts.inlineScripts.filter((script) => /^(|module|(text|application)\/(java|ecma)script)$/i.test(script.type.trim()));
    for (const script of executable) {
      const hash = `'sha256-${createHash('sha256').update(script.text, 'utf8').digest('base64')}'`;
      expect(scriptSrc, `inline script ${JSON.stringify(script.text.slice(0, 60))} needs ${hash} in script-src`).toContain(hash);
    }
    expect(facts.eventHandlers).toEqual([]);
  });
});
