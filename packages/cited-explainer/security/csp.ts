import { createHash } from 'node:crypto';
import { readerScript } from '../lib/reader-script.ts';

/** Every inline script a page may run: search's boot code and the reader's small helpers (lib/reader-script.ts). */
export const inlineScripts = (searchBoot: string): string[] => [searchBoot, readerScript];

/**
 * The site's Content-Security-Policy, one definition for the meta tag on every page
 * (layouts/Base.astro) and the _headers file for hosts that read one (headers.ts).
 * Nothing from another origin; no inline script but the ones named here, each allowed by its hash.
 * 'wasm-unsafe-eval' lets search compile Pagefind's WebAssembly (its index reader, fetched from our
 * own origin when a reader starts to search); it allows no eval() of JavaScript.
 */
export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  const hashes = inlineScripts.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...hashes, "'wasm-unsafe-eval'"].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The _headers file (Netlify, Cloudflare Pages): the same policy, plus what only a header can
 * carry (frame-ancestors), for every path.
 */
export function headersFile(inlineScripts: readonly string[]): string {
  return ['/*', `  Content-Security-Policy: ${contentSecurityPolicy(inlineScripts)}; frame-ancestors 'none'`, '  Referrer-Policy: no-referrer', '  X-Content-Type-Options: nosniff', ''].join('\n');
}
