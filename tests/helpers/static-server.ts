import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  // Pagefind's index fragments.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The origin plus the base path, ending in "/": where the site's home page is. */
  url: string;
  /** Every path requested, in order, with the status served (for "no 404s" checks). */
  log: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/**
 * Serves a built site folder on 127.0.0.1 at a random port, as a static host would: a directory
 * gets its index.html (and a redirect to the address with a trailing slash), everything outside
 * `base` is a 404. Nothing but GET and HEAD; no directory listings; no path escapes the folder.
 */
export async function serveStatic(root: string, options: { base?: string } = {}): Promise<StaticServer> {
  const folder = resolve(root);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const log: StaticServer['log'] = [];
  const server: Server = createServer((request, response) => {
    const send = (status: number, headers: Record<string, string> = {}, body = '') => {
      log.push({ path: request.url ?? '', status });
      response.writeHead(status, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, { Allow: 'GET, HEAD' });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400);
    }
    if (pathname === base.slice(0, -1) && base !== '/') return send(301, { Location: base });
    if (!pathname.startsWith(base)) return send(404, { 'Content-Type': 'text/plain' }, 'not under the base path');
    const relativePath = normalize(pathname.slice(base.length));
    let file = join(folder, relativePath);
    if (file !== folder && !file.startsWith(folder + sep)) return send(404);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, { Location: `${pathname}/` });
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      return send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, `not found: ${pathname}`);
    }
    log.push({ path: request.url ?? '', status: 200 });
    response.writeHead(200, {
      'Content-Type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(statSync(file).size),
      'Cache-Control': 'no-store',
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    log,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
