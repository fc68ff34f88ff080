import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { type CitedPage, downloadFiles } from '../cite/download-files.ts';
import type { Card, PageCard } from '../preview/cards.ts';
import { cardDrawer } from '../preview/draw.ts';

/**
 * The build's worker thread (started by build-done-writers.ts): writes the "Cite this page"
 * downloads and draws the link preview images on the second core while the main thread renders.
 * Each request is answered once, with its result or one line naming the page that failed.
 */
export type WriterQuestion = { kind: 'cite'; outDir: string; pages: readonly CitedPage[] } | { kind: 'previews'; cards: readonly PageCard[] };

export type WriterRequest =
  | (WriterQuestion & { id: number })
  /** A card a page names while rendering: drawn into the cache now; a failure is reported when the card is asked for again. */
  | { kind: 'hint'; card: Card };

export type WriterReply = { id: number; result: unknown } | { id: number; error: string };

const { cacheDir } = workerData as { cacheDir: string };
const draw = cardDrawer(cacheDir);

let renderingDone = false;
let formatter: Promise<typeof import('../cite/format.ts')> | undefined;

/**
 * Formats each page's citation with citeproc into the formatting cache (cite/format.ts) ahead of
 * the main thread, which renders the pages that show it and then finds it there: the same code and
 * cache key, so the pages are the same whichever thread formatted it first. The pages come in the
 * order Astro renders them; this starts from the last, so the two threads meet in the middle
 * rather than formatting the same items side by side.
 */
async function formatAhead(pages: readonly CitedPage[]) {
  // Loadable here through the hooks the worker starts with (vite-source-hooks.ts).
  formatter ??= import('../cite/format.ts');
  const { formatCitation } = await formatter;
  for (const [i, { item }] of [...pages].reverse().entries()) {
    if (renderingDone) return;
    formatCitation(item);
    // Let the pages' preview images in between.
    if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
  }
}

function writeCiteDownloads(outDir: string, pages: readonly CitedPage[]) {
  for (const page of pages) {
    try {
      for (const { file, body } of downloadFiles(page)) {
        const path = join(outDir, file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, body);
      }
    } catch (error) {
      throw new Error(`${page.path}: cannot write its "Cite this page" files: ${(error as Error).message}`);
    }
  }
  return { files: pages.length * 3 };
}

/** Draws (or takes from the cache) every card, two at a time: one drawn here while sharp encodes another. */
async function writePreviews(cards: readonly PageCard[]) {
  let next = 0;
  let reused = 0;
  const missing: Array<{ page: string; letters: string[] }> = [];
  const one = async () => {
    while (next < cards.length) {
      const card = cards[next++];
      try {
        const drawn = await draw(card);
        writeFileSync(card.file, drawn.bytes);
        if (drawn.cached) reused++;
        if (drawn.missing.length > 0) missing.push({ page: card.page, letters: drawn.missing });
      } catch (error) {
        // The page's title comes from its front matter (or site.json for the site's name).
        throw new Error(`${relative(process.cwd(), card.page)}: cannot draw the preview image of the page titled ${JSON.stringify(card.title)}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all([one(), one()]);
  return { drawn: cards.length - reused, reused, missing };
}

// Cards named while rendering, drawn two at a time in the order asked (a page renders faster than its card is drawn).
const hinted: Card[] = [];
let drawingHints = 0;
async function drawHints() {
  drawingHints++;
  for (let card = hinted.shift(); card; card = hinted.shift()) await draw(card).catch(() => undefined);
  drawingHints--;
}

parentPort!.on('message', async (request: WriterRequest) => {
  if (request.kind === 'hint') {
    hinted.push(request.card);
    if (drawingHints < 2) await drawHints();
    return;
  }
  // The previews are asked for once the pages are written: nothing is ahead of them any more.
  if (request.kind === 'previews') renderingDone = true;
  try {
    const result = request.kind === 'cite' ? writeCiteDownloads(request.outDir, request.pages) : await writePreviews(request.cards);
    parentPort!.postMessage({ id: request.id, result } satisfies WriterReply);
    // Only ahead of the pages: a failure here is the main thread's to report when it formats the same item.
    if (request.kind === 'cite') await formatAhead(request.pages).catch(() => undefined);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).message } satisfies WriterReply);
  }
});
