import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SiteCrawl, siteCrawl } from '../../helpers/crawl.ts';
import { parseCsp, unsafeScriptSources } from '../../helpers/csp.ts';
import { builtSite, listPages, pageType } from '../../helpers/site.ts';

// Privacy and security: a page, loaded in Chromium, asks nothing of any other origin (with a
// citation preview opened and scrolled to its end), and Chromium reports no CSP refusal and no
// console error; every page carries a Content-Security-Policy (meta tag, and the _headers file for
// hosts that read one) that allows no inline script except by hash; no inline event handlers.
// Read from the shared crawl (tests/helpers/crawl.ts).
const build = builtSite();
const pages = listPages(build.outDir);
const headersFile = join(build.outDir, '_headers');

let crawl: SiteCrawl;
beforeAll(async () => {
  crawl = await siteCrawl('realSite');
});

describe('no request leaves the origin', () => {
  it.each(pages.map((path) => [path, pageType(path)]))('%s (%s): no request elsewhere, no CSP refusal, no console error', (path) => {
    const page = crawl.byPage[path];
    expect(page.status).toBe(200);
    expect(page.plainView.length, 'the crawl saw the page load').toBeGreaterThan(0);
    expect(page.foreign, 'requests to other origins').toEqual([]);
    expect(page.cspViolations, 'Content-Security-Policy violations reported by Chromium').toEqual([]);
    expect(page.consoleErrors, 'console errors and uncaught exceptions').toEqual([]);
    expect(page.failed, 'failed requests').toEqual([]);
  });
});

describe('Content-Security-Policy and inline code', () => {
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

  it.each(pages)('%s: one CSP meta tag, the same as _headers, no inline script without its hash, no on* handlers', (path) => {
    const facts = crawl.byPage[path].facts;
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
