/** A page's table of contents, from the headings Astro collects while rendering its Markdown. */

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: Array<{ slug: string; text: string }>;
}

/**
 * Sections (h2) with their sub-sections (h3). A page with fewer than `minSections` sections is
 * short enough to read without one: it gets none.
 */
export function tableOfContents(headings: readonly Heading[], minSections = 3): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth === 2) entries.push({ slug, text, children: [] });
    else if (depth === 3 && entries.length > 0) entries.at(-1)!.children.push({ slug, text });
  }
  return entries.length >= minSections ? entries : [];
}
