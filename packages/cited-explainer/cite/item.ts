import type { Strings } from '../i18n/strings.ts';
import { absoluteUrl, sourcePath, withBase } from '../lib/url.ts';
import type { PageFrontmatter } from '../schemas/page.ts';
import type { SiteConfig } from '../schemas/site.ts';
import type { SourceMeta } from '../schemas/source.ts';
import { cslDate, toCslItem } from './csl.ts';
import { foldStrings } from './one-line.ts';
import type { SourceTypeFormat } from './source-types.ts';

/**
 * What a "Cite this page" block cites, as CSL-JSON: an explainer page of this site, or the
 * original article behind an archived source. Pure: the routes pass the metadata in.
 */

/** The CSL-JSON fields the site writes: one record, from which every export is made (cite/export.ts). */
export interface CslItem {
  id: string;
  'citation-key'?: string;
  /** A page of the site is a webpage; a source is of its kind (cite/source-types.ts). */
  type: SourceTypeFormat['csl'];
  title: string;
  /** The publication's or the site's name; absent for a stand-alone document (a speech, a book). */
  'container-title'?: string;
  /** Who issued a stand-alone document (cite/source-types.ts, publisherAs). */
  publisher?: string;
  /** Where a speech was delivered. */
  'event-place'?: string;
  section?: string;
  author?: Array<{ literal: string }>;
  issued: { 'date-parts': number[][]; circa?: boolean };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  note?: string;
  custom?: Record<string, unknown>;
}

export interface PageCiteInput {
  page: Pick<PageFrontmatter, 'title' | 'updated'>;
  site: Pick<SiteConfig, 'title' | 'url'>;
  /** Root-relative path of the page without the base: "/", "/background/", "/incidents/<id>/". */
  path: string;
  /** Astro's base ("/" or "/explainer"). */
  base: string;
}

/**
 * BibTeX key for a page path: citation-js only keeps a key made of letters, digits and "_"
 * (it replaces any other with an author-year-title label that can clash between pages).
 */
export function citationKey(path: string): string {
  return path.replace(/^\/+|\/+$/g, '').replace(/[^A-Za-z0-9]+/g, '_') || 'index';
}

/**
 * The address to cite: the whole address when the site's is known, else none. A path alone is
 * no address for a bibliography: a reader's citation goes without one (the block tells them to
 * add where they read the page), and a reader's browser fills it in (cite/address-slot.ts).
 */
export function citeUrl(siteUrl: string | undefined, base: string, path: string): string | undefined {
  return siteUrl ? absoluteUrl(withBase(base, path), siteUrl) : undefined;
}

/**
 * A page as a CSL "webpage": the site's name, the page title, issued on the page's last-reviewed
 * date (never the wall clock, so builds stay byte-identical) and its address when the site's is
 * known. No author (the site
 * names none) and no access date: the day a reader read it is theirs to give.
 */
export function pageCslItem({ page, site, path, base }: PageCiteInput): CslItem {
  const key = citationKey(path);
  const url = citeUrl(site.url, base, path);
  return foldStrings({
    id: key,
    'citation-key': key,
    type: 'webpage',
    title: page.title,
    'container-title': site.title,
    issued: cslDate(page.updated),
    ...(url ? { URL: url } : {}),
  });
}

/**
 * The original article behind an archived source: the item of /sources.json, with a usable BibTeX
 * key; its note names our archived copy, by its full address when the site's is configured.
 */
export function sourceCslItem(meta: SourceMeta, base: string, siteUrl?: string, words?: Strings['sourceRecord']): CslItem {
  return { ...toCslItem(meta, absoluteUrl(withBase(base, sourcePath(meta.id)), siteUrl), words), 'citation-key': citationKey(sourcePath(meta.id)) };
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
