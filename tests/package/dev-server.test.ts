import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcessEnv } from '../helpers/build-site.ts';

/**
 * `astro dev` on a project made by `cited-explainer init` (issue 23): its pages are styled (the
 * strict Content-Security-Policy is the built site's only), and a broken quote in a Markdown page
 * shows in the browser, with its file, until it is fixed. The project sits in .builds/ so that the
 * integration and Astro resolve from this repository's node_modules.
 */
const node = resolve('node_modules/.bin/node');
mkdirSync('.builds', { recursive: true });
const work = mkdtempSync(resolve('.builds/dev-server-'));
const project = join(work, 'site');
const page = join(project, 'content/pages/index.md');
let server: ChildProcess | undefined;
let origin = '';
let log = '';

afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
}, 30_000);

/** Waits for the dev server's "Local" address (a free port, chosen by the server). */
function started(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const address = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (address) done(address[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', () => fail(new Error(`astro dev exited:\n${log}`)));
  });
}

/**
 * The home page as the browser gets it, once `until` holds (the server re-renders on its own time).
 * `text` is saved as the page, and saved again every 5 s while `until` does not hold, as an
 * author saves again. In one loaded run of the whole suite the server went on serving the page as
 * it was before the broken quote for 30 s; the likely cause is a change made before the server's
 * file watcher had finished its first scan, which the watcher can miss. A second save of the same
 * text changes nothing else, and a server that never sees a change still fails.
 */
async function homeWhen(until: (response: { status: number; html: string }) => boolean, text?: string): Promise<{ status: number; html: string }> {
  let last = { status: 0, html: '' };
  for (let attempt = 0; attempt < 60; attempt++) {
    if (text !== undefined && attempt % 10 === 0) writeFileSync(page, text);
    const response = await fetch(`${origin}/`);
    last = { status: response.status, html: await response.text() };
    if (until(last)) return last;
    await new Promise((wait) => setTimeout(wait, 500));
  }
  return last;
}

/** The errors the dev server sends the browser's error overlay (Vite's HMR socket, message type "error"). */
function overlayErrors(): { first: Promise<string>; close: () => void } {
  const socket = new WebSocket(origin.replace('http', 'ws'), 'vite-hmr');
  const first = new Promise<string>((done) => {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { type: string; err?: { message: string } };
      if (message.type === 'error' && message.err) done(message.err.message);
    });
  });
  return { first, close: () => socket.close() };
}

beforeAll(async () => {
  const init = spawnSync(node, ['packages/cited-explainer/cli/main.ts', 'init', project], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(init.stderr);
  server = spawn(node, [resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', '0'], { cwd: project, env: buildProcessEnv() });
  origin = await started(server);
}, 120_000);

describe('astro dev on a new project', () => {
  const good = () => readFileSync(page, 'utf8');
  let original = '';

  it('serves styled pages: no Content-Security-Policy blocks the dev server’s inline styles', async () => {
    original = good();
    const home = await homeWhen((r) => r.status === 200);
    expect(home.status, log).toBe(200);
    expect(home.html).not.toMatch(/Content-Security-Policy/);
    expect(home.html).toMatch(/<style[^>]*site\.css/);
  });

  it('shows a broken quote in a Markdown page in the browser, with its file', async () => {
    const brokenText = original.replace('brought forth on this continent, a new nation]', 'brought forth on this continent, an old nation]');
    expect(brokenText).not.toBe(original);
    // Astro's error page loads Vite's client, which shows the error in its overlay as the server
    // sends it over the dev server's socket: the test listens there as the browser does.
    const overlay = overlayErrors();
    const broken = await homeWhen((r) => r.status >= 500, brokenText);
    expect(broken.status, log).toBe(500);
    expect(broken.html).toMatch(/\/@vite\/client/);
    const shown = await overlay.first;
    expect(shown).toMatch(/quote not found in source/);
    expect(shown).toMatch(/content\/pages\/index\.md:\d+:\d+/);
    overlay.close();
  });

  it('shows the page again, styled, once the quote is fixed', async () => {
    // While the content layer reloads, the server can answer once with the page before its entry
    // is back: the page counts as shown again when it carries its citations.
    const fixed = await homeWhen((r) => r.status === 200 && r.html.includes('class="cite-marker"'), original);
    expect(fixed.status, log).toBe(200);
    expect(fixed.html).toMatch(/class="cite-marker"/);
    expect(fixed.html).toMatch(/<style[^>]*site\.css/);
  });
});
