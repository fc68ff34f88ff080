import { toCslItem } from '../citations/csl.ts';
import type { PageFrontmatter } from '../schemas/page.ts';
import type { SiteConfig } from '../schemas/site.ts';
import type { SourceMeta } from '../schemas/source.ts';
import { absoluteUrl, sourcePath, withBase } from '../lib/url.ts';

/**
 * What a "Cite this page" block cites, as CSL-JSON: an explainer page of this site, or the
 * original article behind an archived source. Pure: the routes pass the metadata in.
 */

export type CslItem = ReturnType<typeof toCslItem> | ReturnType<typeof pageCslItem>;

export interface PageCiteInput {
  page: Pick<PageFrontmatter, 'title' | 'updated'>;
  site: Pick<SiteConfig, 'title' | 'url'>;
  /** Root-relative path of the page without the base: "/", "/background/", "/incidents/<id>/". */
  path: string;
  /** Astro's base ("/" or "/explainer"). */
  base: string;
}

const dateParts = (isoDate: string) => [isoDate.split('-').map(Number)];

/**
 * BibTeX key for a page path: citation-js only keeps a key made of letters, digits and "_"
 * (it replaces any other with an author-year-title label that can clash between pages).
 */
export function citationKey(path: string): string {
  return path.replace(/^\/+|\/+$/g, '').replace(/[^A-Za-z0-9]+/g, '_') || 'index';
}

/** The address to cite: absolute when site.json has `url`, else the root-relative path (flagged). */
export function citeUrl(siteUrl: string | undefined, base: string, path: string): { url: string; relative: boolean } {
  const rooted = withBase(base, path);
  return { url: absoluteUrl(rooted, siteUrl), relative: !siteUrl };
}

/**
 * A page as a CSL "webpage": no author (the site names none), issued and accessed both the page's
 * last-reviewed date. Never the wall clock, so builds stay byte-identical; the page's text is
 * what it was on that date until the next review.
 */
export function pageCslItem({ page, site, path, base }: PageCiteInput) {
  const key = citationKey(path);
  return {
    id: key,
    'citation-key': key,
    type: 'webpage' as const,
    title: page.title,
    'container-title': site.title,
    issued: { 'date-parts': dateParts(page.updated) },
    accessed: { 'date-parts': dateParts(page.updated) },
    URL: citeUrl(site.url, base, path).url,
  };
}

/** The original article behind an archived source: the item of /sources.json, with a usable BibTeX key. */
export function sourceCslItem(meta: SourceMeta, base: string) {
  return { ...toCslItem(meta, withBase(base, sourcePath(meta.id))), 'citation-key': citationKey(sourcePath(meta.id)) };
}

export type CiteFormat = 'bib' | 'ris' | 'json';

/**
 * Stable scheme of the download files, one per page and format: the page's path without its
 * trailing slash under /cite/, and the format's extension. "/" → /cite/index.bib,
 * "/bridges/closures/" → /cite/bridges/closures.bib, "/sources/<id>/" → /cite/sources/<id>.ris.
 * Pages have distinct paths, so the files do too. Root-relative, without the base.
 */
export function citeFilePath(path: string, format: CiteFormat): string {
  const stem = path.replace(/^\/+|\/+$/g, '') || 'index';
  return `/cite/${stem}.${format}`;
}
