import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { CitedPage } from '../cite/download-files.ts';
import { CITE_FORMATTING_CACHE } from '../lib/build-cache.ts';
import { buildStep } from '../lib/build-step.ts';
import { currentShard, inShard } from '../lib/shard.ts';
import { previewCards } from '../preview/cards.ts';
import { setBuildWriters } from './build-writers-channel.ts';
import type { WriterQuestion, WriterReply, WriterRequest } from './build-writers-worker.ts';
import { workerBootstrap } from './vite-source-hooks.ts';

/**
 * The files made beside the pages rather than as pages: the "Cite this page" downloads (BibTeX,
 * RIS, CSL-JSON of every page, incident and source) and the link preview images. Astro renders
 * routes one after another on one thread; these are written by a worker thread on the second core
 * (build-writers-worker.ts) while it does: the /cite/ route hands over its list as rendering starts
 * (routes/cite/), and each page that names a preview image has it drawn into the build's cache as
 * it renders (layouts/Base.astro). Once Astro has written the site, this integration waits for
 * the downloads, then writes each page's image from the cache (an unchanged page's image is never
 * drawn again; preview/draw.ts). It must come before the build's checks, which read every file.
 */
export default function buildDoneWriters(): AstroIntegration {
  let cacheDir = '';
  let citeCacheDir = '';
  let outDir = '';
  let base = '/';
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, (reply: WriterReply) => void>();
  // Asked while Astro renders, awaited after: each settles to its result or its one-line error.
  const citeWrites: Array<Promise<unknown>> = [];

  // Once the worker has failed (out of its memory, say), every question gets that answer.
  let failure: string | undefined;
  const ask = (to: Worker, request: WriterQuestion): Promise<unknown> => {
    if (failure) return Promise.reject(new Error(failure));
    const id = nextId++;
    const answered = new Promise<unknown>((resolve, reject) => waiting.set(id, (reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply.result))));
    to.postMessage({ ...request, id } satisfies WriterRequest);
    return answered;
  };

  /**
   * Started when the /cite/ route hands over the site's pages, as rendering begins. Its heap is
   * held to what the pages need (the fonts and citeproc, about 40 MB, and a few kilobytes a page):
   * left to grow, V8 let it keep 100–150 MB more at the height of rendering (100 pages, peak RSS
   * of a cold build measured three times each way).
   */
  const startWorker = (pages: number): Worker => {
    if (worker) return worker;
    const maxOldGenerationSizeMb = 128 + Math.ceil((pages * 16) / 1024);
    worker = new Worker(workerBootstrap, {
      eval: true,
      workerData: { cacheDir, entry: new URL('./build-writers-worker.ts', import.meta.url).href, env: { PROD: true, BASE_URL: base, CITED_EXPLAINER_CITE_CACHE: citeCacheDir } },
      resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 8 },
    });
    // Until the build waits for it, the worker must not keep a failed build's process alive.
    worker.unref();
    worker.on('message', (reply: WriterReply) => {
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
    worker.on('error', (error) => {
      failure = `the build's worker thread failed: ${error.message}`;
      for (const answer of waiting.values()) answer({ id: -1, error: failure });
      waiting.clear();
    });
    return worker;
  };

  const stop = async () => {
    setBuildWriters(undefined);
    await worker?.terminate();
    worker = undefined;
  };

  return {
    name: 'explainer-build-writers',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('preview-images/', config.cacheDir));
        // The worker formats into the same citation cache as the pages (cite/format.ts, integration/index.ts).
        citeCacheDir = resolve(fileURLToPath(config.cacheDir), CITE_FORMATTING_CACHE);
        outDir = fileURLToPath(config.outDir);
        base = config.base;
      },
      'astro:build:start': () => {
        setBuildWriters({
          citeDownloads: (pages: readonly CitedPage[]) => {
            // A shard's build writes the downloads of its own pages (shard.ts).
            const shard = currentShard();
            const written = ask(startWorker(pages.length), { kind: 'cite', outDir, pages: shard ? pages.filter(({ path }) => inShard(shard, path)) : pages });
            written.catch(() => undefined); // awaited (and reported) once the pages are written
            citeWrites.push(written);
          },
          // Only a hint: a card named before the worker starts is drawn after rendering.
          previewImage: (card) => worker?.postMessage({ kind: 'hint', card: { siteTitle: card.siteTitle, title: card.title } } satisfies WriterRequest),
        });
      },
      'astro:build:done': ({ dir, logger }) =>
        buildStep('citation downloads and preview images', async () => {
          try {
            startWorker(0).ref();
            const site = fileURLToPath(dir);
            if (relative(site, outDir) !== '') throw new Error(`Astro wrote the site to ${site}, not to its outDir ${outDir}, where the citation downloads were written`);
            await writeAfterRendering(site, logger);
          } finally {
            await stop();
          }
        }),
    },
  };

  async function writeAfterRendering(site: string, logger: AstroIntegrationLogger) {
    let started = performance.now();
    const files = (await Promise.all(citeWrites)).reduce<number>((sum, result) => sum + (result as { files: number }).files, 0);
    citeWrites.length = 0;
    logger.info(`wrote ${files} citation downloads in a worker thread beside rendering, ${Math.round(performance.now() - started)} ms after it`);
    started = performance.now();
    const cards = await previewCards(site);
    if (cards.length === 0) return;
    const { drawn, reused, missing } = (await ask(startWorker(0), { kind: 'previews', cards })) as { drawn: number; reused: number; missing: Array<{ page: string; letters: string[] }> };
    for (const { page, letters } of missing) logger.warn(`${page}: the preview image's font has no letters for ${letters.join(' ')}; they are left blank`);
    logger.info(`drew ${drawn} link preview images (${reused} from the cache) in ${Math.round(performance.now() - started)} ms after rendering`);
  }
}
