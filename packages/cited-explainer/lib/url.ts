/** Root-relative path of an archived source's page: /sources/<id>/. */
export const sourcePath = (id: string) => `/sources/${id}/`;

/** An absolute URL on the published site where its address is known, else the root-relative path as it is. */
export const absoluteUrl = (path: string, site: string | URL | undefined) => (site ? new URL(path, site).href : path);

/** Joins the site's base path (Astro's `base`, e.g. "/" or "/explainer") with a root-relative path. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * A link to the passage in the original article, as a text fragment (#:~:text=start,end).
 * Long passages use their first and last three words, as Chromium's own "Copy link to highlight"
 * does: browsers match them more reliably than a whole passage, and every page carries one per
 * citation, so their length counts against the page's weight.
 */
export function textFragmentUrl(url: string, passage: string): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
  const words = passage.trim().split(/\s+/);
  const directive = words.length <= 6 ? encode(words.join(' ')) : `${encode(words.slice(0, 3).join(' '))},${encode(words.slice(-3).join(' '))}`;
  return `${url.split('#')[0]}#:~:text=${directive}`;
}
