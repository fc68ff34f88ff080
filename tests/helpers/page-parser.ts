import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { type Processor, unified } from 'unified';
import { noteParsing } from '../../packages/cited-explainer/citations/site-note.ts';

/**
 * A unified processor that parses a page into the mdast the build's citation engine sees: MDX
 * pages with remark-parse, remark-mdx and GFM; Markdown pages with Sätteri's own parser and
 * directives on, as the build's Markdown processor reads them (packages/cited-explainer/integration/index.ts), for
 * `:::note`. remark has no directive parser here (remark-directive is not a dependency), so a
 * Markdown page is parsed by Sätteri on the remark path too: the adapters differ, the parse does not.
 */
export function pageParser(path: string): Processor<Root, undefined, Root | undefined> {
  if (path.endsWith('.mdx')) return unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  // unified cannot see what a parser set by hand gives: Sätteri's mdast, a Root.
  return unified().use(function satteriParser(this: { parser: unknown }) {
    this.parser = (document: string) => markdownToMdast(document, { features: noteParsing });
  }) as unknown as Processor<Root, undefined, Root | undefined>;
}
