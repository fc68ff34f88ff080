import { sourceFormatOf } from '../cite/source-types.ts';
import type { SourceType } from '../schemas/source-type.ts';
import { absoluteUrl } from './url.ts';

/**
 * Link previews and structured data for a page: JSON-LD (schema.org) for search engines, built
 * from what the page already knows. Pure: Base.astro and the routes pass the facts in.
 */

export interface Crumb {
  name: string;
  /** Root-relative, with the base. */
  url: string;
}

/**
 * Home, the main section the page belongs to (the navigation entry its path starts with), and
 * the page itself: /incidents/x/ → Home › Incidents › x.
 */
export function breadcrumbs(path: string, title: string, home: Crumb, nav: readonly Crumb[]): Crumb[] {
  if (path === home.url) return [home];
  // The longest navigation entry the path starts with (a "/" entry is home itself, not a section).
  const section = nav.filter((entry) => entry.url !== home.url && path.startsWith(entry.url)).sort((a, b) => b.url.length - a.url.length)[0];
  const trail = [home];
  if (section) trail.push(section);
  if (section?.url !== path) trail.push({ name: title, url: path });
  return trail;
}

export function breadcrumbListLd(trail: readonly Crumb[], site: URL | undefined) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: absoluteUrl(crumb.url, site) })),
  };
}

/** A cited source, as the ledger and the archive know it. */
export interface CitedWork {
  headline: string;
  publisher: string;
  published: string;
  url: string | null;
  /** Its kind (cite/source-types.ts); a newspaper article when absent. */
  type?: SourceType;
}

/** A cited work in schema.org terms: its type, and its `publisher` as an organisation or, for a speech, the place it was delivered. */
function citedWorkLd(work: CitedWork) {
  const format = sourceFormatOf(work);
  return {
    '@type': format.schemaOrg,
    headline: work.headline,
    ...(format.publisherAs === 'event-place' ? { locationCreated: { '@type': 'Place', name: work.publisher } } : { publisher: { '@type': 'Organization', name: work.publisher } }),
    datePublished: work.published,
    ...(work.url ? { url: work.url } : {}),
  };
}

export function articleLd(page: { title: string; description: string; url: string; updated: string; siteTitle: string; cites: readonly CitedWork[] }, site: URL | undefined) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: page.title,
    description: page.description,
    url: absoluteUrl(page.url, site),
    dateModified: page.updated,
    isPartOf: { '@type': 'WebSite', name: page.siteTitle, ...(site ? { url: site.href } : {}) },
    citation: page.cites.map(citedWorkLd),
  };
}

/** JSON for a <script type="application/ld+json"> block: "<" escaped so no text can close the element. */
export const jsonLdText = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c');

/** The /data/ page's downloads as a schema.org Dataset. */
export function datasetLd(data: { name: string; description: string; url: string; licence: string; files: ReadonlyArray<{ url: string; format: string }> }, site: URL | undefined) {
  const mediaType: Record<string, string> = { CSV: 'text/csv', JSON: 'application/json', BibTeX: 'application/x-bibtex' };
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: data.name,
    description: data.description,
    url: absoluteUrl(data.url, site),
    license: data.licence,
    distribution: data.files.map((file) => ({ '@type': 'DataDownload', encodingFormat: mediaType[file.format] ?? file.format, contentUrl: absoluteUrl(file.url, site) })),
  };
}
