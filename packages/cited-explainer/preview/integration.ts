import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import opentype, { type Font } from 'opentype.js';
import sharp from 'sharp';
import { type BuildCache, buildCache, packageVersion } from '../lib/build-cache.ts';
import { buildStep } from '../lib/build-step.ts';
import { builtHtmlFiles } from '../lib/built-pages.ts';
import { fontStack, PREVIEW_FILE, pathData, previewSvg, type SubsetFont } from './card.ts';

/**
 * Once Astro has written the site, draws the link preview image (card.ts) of each page whose
 * og:image names one, beside it as preview.png, from the title and site name in its Open Graph
 * tags. Pages name one only when the site has an address (site.json "url", see Base.astro): an
 * og:image must be an absolute URL. The font is Noto Sans (SIL Open Font Licence), from
 * @fontsource/noto-sans. Each image is kept in the build's cache folder under a hash of what it is
 * drawn from (DRAWING and the two texts), so an unchanged page is never drawn again; images are
 * encoded side by side.
 */
const require = createRequire(import.meta.url);
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

/** The font with paths written by card.ts's pathData, not opentype.js's slower toPathData. */
const withPathData = (font: Font): SubsetFont => ({
  hasChar: (char) => font.hasChar(char),
  getAdvanceWidth: (text, fontSize) => font.getAdvanceWidth(text, fontSize),
  getPath: (text, x, y, fontSize) => {
    const { commands } = font.getPath(text, x, y, fontSize);
    return { toPathData: (decimals = 2) => pathData(commands, decimals) };
  },
});

async function loadFont(subset: string, weight: 400 | 700): Promise<SubsetFont> {
  const bytes = await readFile(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`));
  return withPathData(opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
}

/** Noto Sans in every subset, of one weight, as the cards are drawn with. */
export const loadStack = async (weight: 400 | 700) => fontStack(await Promise.all(SUBSETS.map((subset) => loadFont(subset, weight))));

const unescapeHtml = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]!);

const metaContent = (html: string, property: string) => {
  const match = new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html);
  return match ? unescapeHtml(match[1]) : undefined;
};

/**
 * The card as PNG. It is opaque, so without its alpha channel; in true colour, the pixels exactly as
 * drawn, at zlib level 7: 14 ms of CPU a card against 25–37 ms for a palette image (whose quantiser
 * dominates), at twice its bytes (about 29 KB against 14 KB), measured on real cards in issue #11.
 */
const encodePng = (svg: string) => sharp(Buffer.from(svg)).removeAlpha().png({ compressionLevel: 7 }).toBuffer();
// Everything an image is drawn with besides its two texts: the card's code, the font, the
// encoder (its code and sharp's versions). A change to any of them makes new cache entries; an
// unchanged page is never drawn.
// (card.ts and the modules it imports: keep this list in step with its imports.)
const DRAWING = [
  readFileSync(new URL('./card.ts', import.meta.url), 'utf8'),
  readFileSync(new URL('../lib/xml.ts', import.meta.url), 'utf8'),
  packageVersion('@fontsource/noto-sans'),
  packageVersion('opentype.js'),
  `sharp ${sharp.versions.sharp}`,
  `vips ${sharp.versions.vips}`,
  encodePng.toString(),
];

const cannotDraw = (file: string, title: string, error: unknown) =>
  // The page's title comes from its front matter (or site.json for the site's name).
  new Error(`${relative(process.cwd(), file)}: cannot draw the preview image of the page titled ${JSON.stringify(title)}: ${(error as Error).message}`);

/** Runs `work` on every item, `limit` at a time; results (or errors) in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<Array<R | Error>> {
  const results: Array<R | Error> = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export default function previewImages(): AstroIntegration {
  let cache: BuildCache | undefined;
  return {
    name: 'explainer-preview-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = buildCache(join(fileURLToPath(config.cacheDir), 'preview-images'), 'png', DRAWING);
      },
      'astro:build:done': ({ dir, logger }) =>
        buildStep('link preview images', async () => {
          const started = performance.now();
          const site = fileURLToPath(dir);
          let font: { regular: ReturnType<typeof fontStack>; bold: ReturnType<typeof fontStack> } | undefined;
          const cards: Array<{ file: string; title: string; siteTitle: string }> = [];
          for (const file of await builtHtmlFiles(site)) {
            if (basename(file) !== 'index.html') continue;
            const html = await readFile(file, 'utf8');
            const title = metaContent(html, 'og:title');
            const siteTitle = metaContent(html, 'og:site_name');
            if (!title || !siteTitle || !html.includes(`/${PREVIEW_FILE}"`)) continue;
            font ??= { regular: await loadStack(400), bold: await loadStack(700) };
            const missing = font.bold.missing(`${title}${siteTitle}`);
            if (missing.length > 0) logger.warn(`${file}: the preview image's font has no letters for ${missing.join(' ')}; they are left blank`);
            cards.push({ file, title, siteTitle });
          }
          const results = await inParallel(cards, availableParallelism(), async ({ file, title, siteTitle }) => {
            try {
              const inputs = [siteTitle, title];
              const cached = cache!.read(inputs);
              const bytes = cached ?? (await encodePng(previewSvg(font!, { siteTitle, title })));
              if (!cached) cache!.write(inputs, bytes);
              await writeFile(join(dirname(file), PREVIEW_FILE), bytes);
              return cached !== undefined;
            } catch (error) {
              throw cannotDraw(file, title, error);
            }
          });
          const failure = results.find((result) => result instanceof Error);
          if (failure) throw failure;
          const reused = results.filter((cached) => cached === true).length;
          if (cards.length > 0) logger.info(`drew ${cards.length - reused} link preview images (${reused} from the cache) in ${Math.round(performance.now() - started)} ms`);
        }),
    },
  };
}
