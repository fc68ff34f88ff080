import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import opentype, { type Font } from 'opentype.js';
import sharp from 'sharp';
import { builtHtmlFiles } from '../lib/built-pages.ts';
import { buildStep } from '../security/build-step.ts';
import { fontStack, PREVIEW_FILE, previewSvg } from './card.ts';

/**
 * Once Astro has written the site, draws the link preview image (card.ts) of each page whose
 * og:image names one, beside it as preview.png, from the title and site name in its Open Graph
 * tags. Pages name one only when the site has an address (site.json "url", see Base.astro): an
 * og:image must be an absolute URL. The font is Noto Sans (SIL Open Font Licence), from
 * @fontsource/noto-sans.
 */
const require = createRequire(import.meta.url);
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

async function loadFont(subset: string, weight: 400 | 700): Promise<Font> {
  const bytes = await readFile(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`));
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

const loadStack = async (weight: 400 | 700) => fontStack(await Promise.all(SUBSETS.map((subset) => loadFont(subset, weight))));

const unescapeHtml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]!);

const metaContent = (html: string, property: string) => {
  const match = new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html);
  return match ? unescapeHtml(match[1]) : undefined;
};

export default function previewImages(): AstroIntegration {
  return {
    name: 'explainer-preview-images',
    hooks: {
      'astro:build:done': ({ dir, logger }) => buildStep('link preview images', async () => {
        const site = fileURLToPath(dir);
        let font: { regular: ReturnType<typeof fontStack>; bold: ReturnType<typeof fontStack> } | undefined;
        let written = 0;
        for (const file of await builtHtmlFiles(site)) {
          if (basename(file) !== 'index.html') continue;
          const html = await readFile(file, 'utf8');
          const title = metaContent(html, 'og:title');
          const siteTitle = metaContent(html, 'og:site_name');
          if (!title || !siteTitle || !html.includes(`/${PREVIEW_FILE}"`)) continue;
          font ??= { regular: await loadStack(400), bold: await loadStack(700) };
          const missing = font.bold.missing(`${title}${siteTitle}`);
          if (missing.length > 0) logger.warn(`${file}: the preview image's font has no letters for ${missing.join(' ')}; they are left blank`);
          try {
            const png = await sharp(Buffer.from(previewSvg(font, { siteTitle, title }))).png({ compressionLevel: 9, palette: true }).toBuffer();
            await writeFile(join(dirname(file), PREVIEW_FILE), png);
          } catch (error) {
            // The page's title comes from its front matter (or site.json for the site's name).
            throw new Error(`${relative(process.cwd(), file)}: cannot draw the preview image of the page titled ${JSON.stringify(title)}: ${(error as Error).message}`);
          }
          written++;
        }
        if (written > 0) logger.info(`drew ${written} link preview images`);
      }),
    },
  };
}
