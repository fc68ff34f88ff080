import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import opentype, { type Font } from 'opentype.js';
import sharp from 'sharp';
import { type BuildCache, buildCache, packageVersion } from '../lib/build-cache.ts';
import { fontStack, pathData, previewSvg, type SubsetFont } from './card.ts';
import type { Card } from './cards.ts';

/**
 * Drawing a link preview image (card.ts) as PNG, kept in the build's cache folder under a hash of
 * what it is drawn from (DRAWING and its two texts), so an unchanged page is never drawn again.
 * Runs in the build's worker thread (integration/build-writers-worker.ts). The font is Noto Sans
 * (SIL Open Font Licence), from @fontsource/noto-sans.
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

export interface DrawnCard {
  bytes: Uint8Array;
  /** Taken from the cache, not drawn. */
  cached: boolean;
  /** Letters of its texts the font has none for: left blank. */
  missing: string[];
}

/**
 * Draws cards into a cache folder (under the build's cacheDir), each at most once: a card asked for
 * again while it is being drawn waits for that drawing.
 */
export function cardDrawer(cacheDir: string) {
  const cache: BuildCache = buildCache(cacheDir, 'png', DRAWING);
  let font: Promise<{ regular: ReturnType<typeof fontStack>; bold: ReturnType<typeof fontStack> }> | undefined;
  const loadFonts = () => {
    font ??= Promise.all([loadStack(400), loadStack(700)]).then(([regular, bold]) => ({ regular, bold }));
    return font;
  };
  const drawing = new Map<string, Promise<DrawnCard>>();
  // Cards drawn by this drawer (rather than found in the cache), for its count.
  const drawnHere = new Set<string>();
  const draw = async ({ siteTitle, title }: Card, key: string): Promise<DrawnCard> => {
    const inputs = [siteTitle, title];
    const loaded = await loadFonts();
    const missing = loaded.bold.missing(`${title}${siteTitle}`);
    const kept = cache.read(inputs);
    if (kept) return { bytes: kept, cached: !drawnHere.has(key), missing };
    const bytes = await encodePng(previewSvg(loaded, { siteTitle, title }));
    cache.write(inputs, bytes);
    drawnHere.add(key);
    return { bytes, cached: false, missing };
  };
  return (card: Card): Promise<DrawnCard> => {
    const key = JSON.stringify([card.siteTitle, card.title]);
    const known = drawing.get(key);
    if (known) return known;
    const made = draw(card, key).finally(() => drawing.delete(key));
    drawing.set(key, made);
    return made;
  };
}
