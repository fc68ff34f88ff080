import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { builtHtmlFiles } from '../lib/built-pages.ts';
import { PREVIEW_FILE } from './card.ts';

/**
 * The link preview images a built site needs: one beside each page whose og:image names one
 * (layouts/Base.astro, only when the site has an address: an og:image must be an absolute URL),
 * drawn from the title and site name in its Open Graph tags.
 */
const unescapeHtml = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]!);

const metaContent = (html: string, property: string) => {
  const match = new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html);
  return match ? unescapeHtml(match[1]) : undefined;
};

/** What a card is drawn from. */
export interface Card {
  siteTitle: string;
  title: string;
}

export interface PageCard extends Card {
  /** The page's HTML file. */
  page: string;
  /** Where its image goes. */
  file: string;
}

export async function previewCards(site: string): Promise<PageCard[]> {
  const cards: PageCard[] = [];
  for (const page of await builtHtmlFiles(site)) {
    if (basename(page) !== 'index.html') continue;
    const html = await readFile(page, 'utf8');
    const title = metaContent(html, 'og:title');
    const siteTitle = metaContent(html, 'og:site_name');
    if (!title || !siteTitle || !html.includes(`/${PREVIEW_FILE}"`)) continue;
    cards.push({ page, file: join(dirname(page), PREVIEW_FILE), title, siteTitle });
  }
  return cards;
}
