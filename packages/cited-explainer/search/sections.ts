/**
 * Which part of the site a page belongs to, for the search filters. Derived from the page's URL
 * and the site's own navigation (content/site.json), so no section or topic name is written here:
 * the first path segment names the section, labelled as the navigation labels it
 * (/incidents/2022-09-13-…/ → "Incidents"); a segment the navigation does not list is labelled
 * from the segment itself (/glossary/ → "Glossary"). Pages whose slug starts with an ISO date or month
 * (incidents, by the content contract /incidents/<yyyy-mm-dd>-<slug>/ or <yyyy-mm>-<slug>/) also get a year.
 */

export interface NavItem {
  label: string;
  href: string;
}

export interface PageFacets {
  /** The first path segment, without the base ("incidents"); "" for the home page. */
  segment: string;
  /** The filter value shown to readers ("Incidents"); undefined for the home page. */
  section?: string;
  /** Four-digit year, for pages whose slug starts with a date. */
  year?: string;
}

/** The path without the site's base: ("/explainer/actors/x/", "/explainer/") → "/actors/x/". */
export function stripBase(pathname: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  if (prefix && (pathname === prefix || pathname.startsWith(`${prefix}/`))) return pathname.slice(prefix.length) || '/';
  return pathname;
}

const firstSegment = (path: string) => path.split('/').filter(Boolean)[0] ?? '';

function labelFromSegment(segment: string): string {
  const words = decodeURIComponent(segment).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function pageFacets(pathname: string, base: string, nav: readonly NavItem[]): PageFacets {
  const path = stripBase(pathname, base);
  const segment = firstSegment(path);
  if (!segment) return { segment };
  const navItem = nav.find((item) => firstSegment(item.href) === segment);
  const section = navItem?.label ?? labelFromSegment(segment);
  const slug = path.split('/').filter(Boolean)[1];
  const year = slug?.match(/^(\d{4})-\d{2}(?:-\d{2})?(?:-|$)/)?.[1];
  return { segment, section, ...(year ? { year } : {}) };
}
