import { escapeRegExp } from './regexp.ts';

/**
 * Which address each content page gets, and the collisions the build refuses: two pages at one
 * address (addresses ignore case: `Background.mdx` and `background.mdx` are one page on a
 * case-insensitive disk, and Astro's loader keeps only one of them), or a page where the
 * generator publishes something of its own (/search/, /sources/..., /404.html), which Astro
 * would silently drop with a warning. Pure: the glue lists the files and the generated routes.
 */

/** One segment as Astro's glob loader slugs a file name (github-slugger: lower case, punctuation dropped, spaces to hyphens). */
const slugSegment = (segment: string) =>
  segment
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

/** The address of a content page file, relative to content/pages/: "guides/Background.mdx" → "/guides/background/". */
export function contentRoute(file: string): string {
  return pagePath({
    id: file
      .replace(/\\/g, '/')
      .replace(/\.mdx?$/i, '')
      .split('/')
      .map(slugSegment)
      .join('/'),
  });
}

/**
 * The static paths of an index page (/actors/, /glossary/, /incidents/): one, or none when the
 * content folder has nothing to list, so that no empty index is published.
 */
export const indexPaths = (entries: number) => (entries > 0 ? [{ params: { index: undefined } }] : []);

/** Root-relative path of an explainer page by its id: "index" → "/", "corridors/index" → "/corridors/", "corridors/lachin" → "/corridors/lachin/". */
export const pagePath = ({ id }: { id: string }) => (id === 'index' ? '/' : `/${id.replace(/\/index$/, '')}/`);

/**
 * What a generated route owns, from its Astro pattern: the whole first segment ("/sources/[id]"
 * owns /sources/..., "/[feed].xml" any "<name>.xml"), or "/" for a home page. A route whose first
 * segment is all parameter ("/[...slug]", the content pages' own route) owns nothing.
 */
function owned(pattern: string): { test(route: string): boolean; shown: string } | undefined {
  const first = pattern.split('/').filter(Boolean)[0];
  if (first === undefined) return { test: (route) => route === '/', shown: '/' };
  if (/^\[[^\]]+\]$/.test(first)) return undefined;
  const regex = new RegExp(
    `^${first
      .split(/(\[[^\]]+\])/)
      .map((part) => (part.startsWith('[') ? (part.startsWith('[...') ? '.*' : '[^/]+') : escapeRegExp(part)))
      .join('')}$`,
    'i',
  );
  return { test: (route) => regex.test(route.split('/').filter(Boolean)[0] ?? ''), shown: `/${first}` };
}

interface PageRoute {
  /** The content file, as the error should name it. */
  file: string;
  route: string;
}

/** Every collision among the content pages, and between a content page and a generated route, as one-line errors. */
export function routeCollisions(pages: readonly PageRoute[], generatedPatterns: readonly string[]): Array<{ file: string; message: string }> {
  const generated = generatedPatterns.flatMap((pattern) => owned(pattern) ?? []);
  const seen = new Map<string, PageRoute>();
  const errors: Array<{ file: string; message: string }> = [];
  for (const page of [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    // One address whatever the case, and whether an accented letter is one code point (NFC, as most
    // editors write it) or a letter and a combining accent (NFD, as some disks and tools write it).
    const key = page.route.normalize('NFC').toLowerCase();
    const earlier = seen.get(key);
    if (earlier) {
      const why = earlier.route.toLowerCase() === page.route.toLowerCase() ? 'addresses ignore case' : 'the names differ only in how an accented letter is encoded (NFC or NFD), which is one address';
      errors.push({ file: page.file, message: `its address ${page.route} is also that of ${earlier.file} (${why}): rename one of them` });
      continue;
    }
    seen.set(key, page);
    const taken = generated.find((route) => route.test(page.route));
    if (taken) errors.push({ file: page.file, message: `its address ${page.route} is the generator's own (${taken.shown}): rename the page` });
  }
  return errors;
}
