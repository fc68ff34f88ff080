import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../packages/cited-explainer/security/csp.ts';
import { checkDist, type DistExpectations, type PageScans, pageScanner, servedPath, urlScheme } from '../../packages/cited-explainer/security/dist-check.ts';
import { keptPageScans } from '../../packages/cited-explainer/security/dist-files.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const boot = 'import("/_search/ui.js")';
const ui = 'export const ui = 1;';
const policy = contentSecurityPolicy([boot]);
const hex = (text: string) => createHash('sha256').update(text).digest('hex');

const expectations = (patch: Partial<DistExpectations> = {}): DistExpectations => ({
  base: '/',
  scriptFiles: new Map([
    ['_search/ui.js', hex(ui)],
    ['pagefind/pagefind.js', undefined],
  ]),
  inlineScripts: new Set([createHash('sha256').update(boot).digest('base64')]),
  contentSecurityPolicy: policy,
  required: [{ path: 'citations.json', what: 'the claim ledger' }],
  ...patch,
});

/** A page as the generator writes one: the policy, the boot script, a body. */
const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", '&#39;')}">${head}<script type="module">${boot}</script></head><body>${body}</body></html>`;

/** A small built site; `pages` are added to (or replace) its files. */
const site = (pages: Record<string, string | null> = {}) =>
  new Map<string, string | null>(
    Object.entries({
      'index.html': page('<main id="top-of-page"><h1 id="intro">Home</h1><a href="/about/#team">About</a> <a href="https://news.site.invalid/a">a source</a></main>'),
      'about/index.html': page('<h2 id="team">Team</h2><a href="../">Home</a> <a href="/data/claims.csv">CSV</a> <a href="#team">here</a> <a href="/#:~:text=Home">text</a>'),
      'data/claims.csv': null,
      'citations.json': '{"citations":[]}',
      '_search/ui.js': ui,
      'pagefind/pagefind.js': 'export {}',
      'pagefind/wasm.en.pagefind': null,
      ...pages,
    }),
  );

const asLines = (problems: ReturnType<typeof checkDist>) => problems.map((problem) => `${problem.file}: ${problem.message}`);

/** The pages a check scanned (rather than took from the kept scans). */
function countingScans(scans: PageScans): PageScans & { scanned: string[] } {
  const scanned: string[] = [];
  return {
    scanned,
    scan: (file, html, scan) =>
      scans.scan(file, html, () => {
        scanned.push(file);
        return scan();
      }),
  };
}

/**
 * The check's problems, one line each. Every case is also checked with page scans kept in a file,
 * as a build keeps them: the first check, which scans every page, and a second one, which scans
 * none, find what the check without kept scans finds.
 */
const messages = (files: Map<string, string | null>, patch?: Partial<DistExpectations>) => {
  const plain = asLines(checkDist(files, expectations(patch)));
  const file = join(tempDir('dist-scans-'), 'scans.json');
  for (const [check, pagesScanned] of [
    ['first', [...files.keys()].filter((path) => path.endsWith('.html') && files.get(path) !== null)],
    ['second', []],
  ] as const) {
    const scans = keptPageScans(file, expectations(patch));
    const counting = countingScans(scans);
    expect(asLines(checkDist(files, expectations(patch), counting)), `the ${check} check with kept scans`).toEqual(plain);
    expect(counting.scanned, `pages scanned by the ${check} check`).toEqual(pagesScanned);
    scans.save();
  }
  return plain;
};

describe('checkDist', () => {
  it('passes a site that holds what it should and nothing else', () => {
    expect(messages(site())).toEqual([]);
  });

  describe('scripts: only the site’s own search code (issue 12.2)', () => {
    it('fails any other script file, such as a component bundled to /_astro/*.js', () => {
      expect(messages(site({ '_astro/widget.abc.js': 'alert(1)', 'x/y.mjs': '' }))).toEqual([
        "_astro/widget.abc.js: a script file that is not the site's own search code: only search may run (a component's <script> or a script from content is not allowed)",
        "x/y.mjs: a script file that is not the site's own search code: only search may run (a component's <script> or a script from content is not allowed)",
      ]);
    });

    it('fails a search file whose content is not what was bundled', () => {
      expect(messages(site({ '_search/ui.js': `${ui}alert(1)` }))).toEqual(['_search/ui.js: differs from the search code this build bundled']);
    });

    it('fails an inline script other than the boot code, and a script tag naming another file', () => {
      const found = messages(site({ 'a/index.html': page('<script>alert(1)</script><script src="/_astro/w.js"></script><script src="https://cdn.invalid/x.js"></script>') }));
      expect(found).toHaveLength(3);
      expect(found[0]).toMatch(/^a\/index\.html: an inline <script> \(sha256-.+\) that is not one of the site's own \(search's boot code, the reader's helpers in lib\/reader-script\.ts\)$/);
      expect(found[1]).toBe('a/index.html: <script src="/_astro/w.js">: not the site\'s own search code; only search may run');
      expect(found[2]).toMatch(/^a\/index\.html: <script src="https:\/\/cdn.invalid\/x.js">: not the site's own search code/);
    });

    it('allows JSON-LD data blocks that are JSON, and the listed search files by path', () => {
      expect(messages(site({ 'a/index.html': page('<script src="/_search/ui.js" type="module"></script>', '<script type="application/ld+json">{"@type":"Thing"}</script>') }))).toEqual([]);
      expect(messages(site({ 'a/index.html': page('', '<script type="application/ld+json">{"a":</script>') }))).toEqual(['a/index.html: <script type="application/ld+json">: not valid JSON']);
    });

    it('fails inline event handlers, however written', () => {
      expect(messages(site({ 'a/index.html': page('<img src="/x.png" alt="" ONERROR=alert(1)><svg><rect onload="x()"/></svg>') }))).toEqual([
        'a/index.html: <img onerror="alert(1)">: an inline event handler; the site runs no script but search',
        'a/index.html: <rect onload="x()">: an inline event handler; the site runs no script but search',
        'a/index.html: <img src="/x.png">: no such file in the built site',
      ]);
    });
  });

  describe('addresses', () => {
    it('fails javascript: and data: links, even written with character references or whitespace', () => {
      const found = messages(
        site({
          'a/index.html': page(
            '<a href="javascript:alert(1)">1</a><a href=" JavaScript&colon;alert(1)">2</a><a href="java&#x09;script:x">3</a><a href="data:text/html,hi">4</a><a href="vbscript:x">5</a>',
          ),
        }),
      );
      expect(found).toEqual([
        'a/index.html: <a href="javascript:alert(1)">: a javascript: address; links and resources are http(s) or on this site',
        'a/index.html: <a href=" JavaScript:alert(1)">: a javascript: address; links and resources are http(s) or on this site',
        'a/index.html: <a href="java\\tscript:x">: a javascript: address; links and resources are http(s) or on this site',
        'a/index.html: <a href="data:text/html,hi">: a data: address; links and resources are http(s) or on this site',
        'a/index.html: <a href="vbscript:x">: a vbscript: address; links and resources are http(s) or on this site',
      ]);
    });

    it('fails anything loaded from another host, but not a link to one', () => {
      const found = messages(
        site({
          'a/index.html': page(
            '<a href="https://other.invalid/">ok</a><a href="mailto:someone@river.invalid">ok</a><img src="//other.invalid/i.png" alt=""><link rel="stylesheet" href="https://other.invalid/s.css"><video poster="http://other.invalid/p.jpg"></video><img srcset="/a.png 1x, https://other.invalid/b.png 2x" alt="">',
          ),
        }),
      );
      expect(found).toEqual([
        'a/index.html: <img src="//other.invalid/i.png">: loads from another site (other.invalid); the site loads nothing from elsewhere',
        'a/index.html: <link href="https://other.invalid/s.css">: loads from another site (other.invalid); the site loads nothing from elsewhere',
        'a/index.html: <video poster="http://other.invalid/p.jpg">: loads from another site (other.invalid); the site loads nothing from elsewhere',
        'a/index.html: <img srcset="https://other.invalid/b.png">: loads from another site (other.invalid); the site loads nothing from elsewhere',
        'a/index.html: <img srcset="/a.png">: no such file in the built site',
      ]);
    });

    it('fails a style sheet that loads from another host', () => {
      expect(messages(site({ '_astro/a.css': 'a{background:url(https://other.invalid/x.png)} b{background:url("data:image/png;base64,AA")} @import "/b.css"; c{background:url(http://[x)}' }))).toEqual(
        [
          '_astro/a.css: the style sheet loads "https://other.invalid/x.png" from another site; the site loads nothing from elsewhere',
          '_astro/a.css: the style sheet loads "http://[x" from another site; the site loads nothing from elsewhere',
        ],
      );
    });

    it('treats the published address as this site: links there must resolve', () => {
      const files = site({
        'a/index.html': page(
          '<a href="https://river.invalid/about/">ok</a><a href="https://river.invalid/gone/">broken</a>',
          '<link rel="canonical" href="https://river.invalid/a/"><meta property="og:image" content="https://river.invalid/a/preview.png">',
        ),
      });
      expect(messages(files, { siteUrl: 'https://river.invalid/' })).toEqual([
        'a/index.html: <meta content="https://river.invalid/a/preview.png">: no such file in the built site',
        'a/index.html: <a href="https://river.invalid/gone/">: no such file in the built site',
      ]);
    });
  });

  it('fails redirects, <base>, frames, plug-ins and forms sent elsewhere (issue 12.4)', () => {
    const found = messages(
      site({
        'a/index.html': page(
          '<meta http-equiv="Refresh" content="30;url=https://other.invalid/"><base href="https://other.invalid/"><iframe src="/"></iframe><object data="/"></object><embed src="/"><form action="https://other.invalid/collect"></form><form action="/search/"></form><button formaction="//other.invalid/">x</button>',
        ),
      }),
    );
    expect(found).toEqual([
      'a/index.html: <meta http-equiv="refresh" content="30;url=https://other.invalid/">: redirects or reloads the page',
      'a/index.html: <base>: changes where every link of the page goes; not allowed in the site',
      'a/index.html: <base href="https://other.invalid/">: loads from another site (other.invalid); the site loads nothing from elsewhere',
      'a/index.html: <iframe>: embeds another page; not allowed in the site',
      'a/index.html: <object>: embeds a plug-in or another page; not allowed in the site',
      'a/index.html: <embed>: embeds a plug-in or another page; not allowed in the site',
      'a/index.html: <form action="https://other.invalid/collect">: sends a form to another site (other.invalid); forms go to this site only',
      'a/index.html: <button formaction="//other.invalid/">: sends a form to another site (other.invalid); forms go to this site only',
      'a/index.html: <form action="/search/">: no such file in the built site',
    ]);
  });

  it('fails a page without the site’s policy, and _headers without it', () => {
    expect(messages(site({ 'a/index.html': '<!DOCTYPE html><title>x</title>', _headers: '/*\n  X-Content-Type-Options: nosniff\n' }))).toEqual([
      'a/index.html: no Content-Security-Policy meta tag',
      "_headers: does not carry the site's Content-Security-Policy",
    ]);
    const loose = page('').replace('script-src', 'script-src https: ');
    expect(messages(site({ 'a/index.html': loose }))[0]).toMatch(/^a\/index\.html: <meta http-equiv="Content-Security-Policy">: not the site's policy/);
  });

  it('fails a missing required file and an invalid JSON file (issue 12.3: completeness)', () => {
    const files = site({ 'cite/a.json': '{' });
    files.delete('citations.json');
    expect(
      messages(files, {
        required: [
          { path: 'citations.json', what: 'the claim ledger' },
          { path: 'pagefind/pagefind-entry.json', what: 'the search index' },
        ],
      }),
    ).toEqual(['citations.json: missing: the claim ledger', 'pagefind/pagefind-entry.json: missing: the search index', 'cite/a.json: not valid JSON']);
  });

  it('fails a link to a missing page or fragment, and honours the base path', () => {
    expect(messages(site({ 'a/index.html': page('<a href="/about/#nobody">x</a><a href="/missing/">y</a><a href="#top">top</a><a href="/about">no slash</a>') }))).toEqual([
      'a/index.html: <a href="/about/#nobody">: about/index.html has no element with id "nobody"',
      'a/index.html: <a href="/missing/">: no such file in the built site',
    ]);
    const files = site({ 'index.html': page('<a href="/explainer/about/#team">ok</a><a href="/about/">outside</a>'), 'about/index.html': page('<h2 id="team">Team</h2>') });
    expect(
      messages(files, {
        base: '/explainer',
        scriptFiles: new Map([
          ['_search/ui.js', undefined],
          ['pagefind/pagefind.js', undefined],
        ]),
      }),
    ).toEqual(['index.html: <a href="/about/">: outside the site\'s base path /explainer/']);
  });

  it('ignores what a comment or a raw text element holds', () => {
    expect(messages(site({ 'a/index.html': page('<!-- <iframe src="x"> --><textarea><iframe></textarea><p title="<iframe>">x</p>') }))).toEqual([]);
  });
});

describe('page scans kept between checks', () => {
  const checkWithKept = (file: string, files: Map<string, string | null>, patch?: Partial<DistExpectations>) => {
    const scans = keptPageScans(file, expectations(patch));
    const counting = countingScans(scans);
    const problems = asLines(checkDist(files, expectations(patch), counting));
    scans.save();
    return { problems, scanned: counting.scanned };
  };

  it('after one page changes, only that page is scanned again, and what it breaks is found', () => {
    const file = join(tempDir('dist-scans-'), 'scans.json');
    expect(checkWithKept(file, site()).scanned).toEqual(['index.html', 'about/index.html']);
    const edited = site({ 'about/index.html': page('<h2 id="crew">Team</h2><iframe src="/"></iframe>') });
    expect(checkWithKept(file, edited)).toEqual({
      scanned: ['about/index.html'],
      problems: ['about/index.html: <iframe>: embeds another page; not allowed in the site', 'index.html: <a href="/about/#team">: about/index.html has no element with id "team"'],
    });
    // Kept, the failing page's scan still fails the next check.
    expect(checkWithKept(file, edited).problems).toHaveLength(2);
    expect(checkWithKept(file, edited).scanned).toEqual([]);
  });

  it('a page scanned ahead (while the search index is written) is not scanned again, unless its bytes changed since', () => {
    const scans = countingScans(keptPageScans(join(tempDir('dist-scans-'), 'scans.json'), expectations()));
    for (const [file, html] of site()) if (file.endsWith('.html') && html) scans.scan(file, html, () => pageScanner(expectations())(file, html));
    expect(scans.scanned).toEqual(['index.html', 'about/index.html']);
    const edited = site({ 'about/index.html': page('<h2 id="team">Team</h2><iframe src="/"></iframe>') });
    expect(asLines(checkDist(edited, expectations(), scans))).toEqual(['about/index.html: <iframe>: embeds another page; not allowed in the site']);
    expect(scans.scanned).toEqual(['index.html', 'about/index.html', 'about/index.html']);
  });

  it('scans kept under other expectations (another policy, another base) are not used', () => {
    const file = join(tempDir('dist-scans-'), 'scans.json');
    checkWithKept(file, site());
    const otherPolicy = { contentSecurityPolicy: "default-src 'none'" };
    expect(checkWithKept(file, site(), otherPolicy).scanned).toEqual(['index.html', 'about/index.html']);
    expect(checkWithKept(file, site(), otherPolicy).problems).toEqual(asLines(checkDist(site(), expectations(otherPolicy))));
    checkWithKept(file, site());
    expect(checkWithKept(file, site(), { base: '/explainer/' }).scanned).toEqual(['index.html', 'about/index.html']);
    checkWithKept(file, site());
    expect(checkWithKept(file, site(), { siteUrl: 'https://example.invalid/' }).scanned).toEqual(['index.html', 'about/index.html']);
  });

  it('scans kept while a script was allowed are not used once it is not: the page fails', () => {
    const file = join(tempDir('dist-scans-'), 'scans.json');
    const inline = 'document.body.dataset.ready = "1"';
    const files = site({ 'about/index.html': page(`<h2 id="team">Team</h2><script>${inline}</script>`) });
    const allowed = { inlineScripts: new Set([...expectations().inlineScripts, createHash('sha256').update(inline).digest('base64')]) };
    expect(checkWithKept(file, files, allowed).problems).toEqual([]);
    const refused = checkWithKept(file, files);
    expect(refused.scanned).toEqual(['index.html', 'about/index.html']);
    expect(refused.problems).toEqual([expect.stringMatching(/^about\/index\.html: an inline <script> \(sha256-.*\) that is not one of the site's own/)]);
    // The same for a script file: allowed, then not.
    const withFile = site({ 'about/index.html': page('<h2 id="team">Team</h2><script src="/_search/extra.js"></script>'), '_search/extra.js': 'export {}' });
    const scriptFiles = new Map([...expectations().scriptFiles, ['_search/extra.js', hex('export {}')]]);
    expect(checkWithKept(file, withFile, { scriptFiles }).problems).toEqual([]);
    expect(checkWithKept(file, withFile).problems).toContain('about/index.html: <script src="/_search/extra.js">: not the site\'s own search code; only search may run');
  });

  it('a file of kept scans that is unreadable, or not what a check writes, is ignored: every page is scanned', () => {
    const file = join(tempDir('dist-scans-'), 'scans.ndjson');
    writeFileSync(file, '{"madeWith": "');
    expect(checkWithKept(file, site())).toEqual({ scanned: ['index.html', 'about/index.html'], problems: [] });
    // As written: a line saying what the scans were made with, then a line per page.
    const [header, ...pages] = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(pages.map((line) => (JSON.parse(line) as [string])[0])).toEqual(['index.html', 'about/index.html']);
    expect(checkWithKept(file, site()).scanned).toEqual([]);
    const withoutScans = pages.map((line) => {
      const [path, sha256] = JSON.parse(line) as [string, string];
      return JSON.stringify([path, sha256, {}]);
    });
    for (const written of ['null', `${header}\nnot JSON`, [header, ...withoutScans].join('\n'), [JSON.stringify({ madeWith: 'other' }), ...pages].join('\n')]) {
      writeFileSync(file, written);
      expect(checkWithKept(file, site()).scanned, written.slice(0, 40)).toEqual(['index.html', 'about/index.html']);
    }
  });
});

describe('helpers', () => {
  it('urlScheme reads a scheme as a browser does', () => {
    expect(urlScheme(' \tjava\nscript:x')).toBe('javascript');
    expect(urlScheme('/a:b')).toBeUndefined();
    expect(urlScheme('HTTPS://x')).toBe('https');
  });
  it('servedPath maps a file to its address', () => {
    expect(servedPath('index.html', '/')).toBe('/');
    expect(servedPath('a/b/index.html', '/x/')).toBe('/x/a/b/');
    expect(servedPath('404.html', '/')).toBe('/404.html');
  });
});
