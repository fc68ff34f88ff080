import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { WriterReply, WriterRequest } from '../../packages/cited-explainer/integration/build-writers-worker.ts';
import { workerBootstrap } from '../../packages/cited-explainer/integration/vite-source-hooks.ts';

/** The build's worker thread, as build-done-writers.ts drives it: each request answered with its result or one line naming the page. */
const dir = mkdtempSync(join(tmpdir(), 'build-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const worker = new Worker(workerBootstrap, {
  eval: true,
  workerData: { cacheDir: join(dir, 'cache'), entry: new URL('../../packages/cited-explainer/integration/build-writers-worker.ts', import.meta.url).href, env: { PROD: true, BASE_URL: '/' } },
});
afterAll(() => worker.terminate());

let nextId = 0;
const ask = (request: Record<string, unknown>) =>
  new Promise<WriterReply>((resolve) => {
    const id = nextId++;
    const listener = (reply: WriterReply) => {
      if (reply.id !== id) return;
      worker.off('message', listener);
      resolve(reply);
    };
    worker.on('message', listener);
    worker.postMessage({ ...request, id } as WriterRequest);
  });

const item = { id: 'flood', 'citation-key': 'flood', type: 'webpage', title: 'The flood', 'container-title': 'River Town', issued: { 'date-parts': [[2024, 5, 1]] } };

describe('the build writers worker', () => {
  it('writes a page\'s three "Cite this page" files under /cite/', async () => {
    const outDir = join(dir, 'site');
    expect(await ask({ kind: 'cite', outDir, pages: [{ path: '/flood/', item }] })).toMatchObject({ result: { files: 3 } });
    expect(readFileSync(join(outDir, 'cite/flood.bib'), 'utf8')).toMatch(/^@online\{flood,/);
    expect(readFileSync(join(outDir, 'cite/flood.ris'), 'utf8')).toMatch(/^TY {2}- ELEC/);
    expect(JSON.parse(readFileSync(join(outDir, 'cite/flood.json'), 'utf8'))).toEqual([item]);
  });

  it('answers a failure with one line naming the page', async () => {
    // A file where the /cite/ folder should be: nothing can be written under it.
    const outDir = join(dir, 'blocked');
    rmSync(outDir, { recursive: true, force: true });
    writeFileSync(join(dir, 'blocked'), '');
    const reply = await ask({ kind: 'cite', outDir, pages: [{ path: '/flood/', item }] });
    expect('error' in reply && reply.error).toMatch(/^\/flood\/: cannot write its "Cite this page" files: [^\n]+$/);
    const card = { page: join(dir, 'nowhere/index.html'), file: join(dir, 'nowhere/preview.png'), title: 'The flood', siteTitle: 'River Town' };
    const drawn = await ask({ kind: 'previews', cards: [card] });
    expect('error' in drawn && drawn.error).toMatch(/nowhere\/index\.html: cannot draw the preview image of the page titled "The flood": [^\n]+$/);
  }, 60_000); // loading the fonts takes seconds on a loaded machine
});
