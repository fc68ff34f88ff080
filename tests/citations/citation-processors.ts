import { pathToFileURL } from 'node:url';
import type { Element, ElementContent, Properties, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { type EvaluateOptions, evaluate, type MarkdownToHtmlResult, markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { remarkCitations } from '../../packages/cited-explainer/citations/remark-citations.ts';
import { satteriCitations } from '../../packages/cited-explainer/citations/satteri-citations.ts';
import { noteParsing } from '../../packages/cited-explainer/citations/site-note.ts';
import { assertMdxNestingWithin } from '../../packages/cited-explainer/lib/content-text.ts';
import type { PageCitation } from '../../packages/cited-explainer/schemas/ledger.ts';
import { pageParser } from '../helpers/page-parser.ts';

/**
 * One page through the citation engine by either processor, as Astro runs them (GFM on): the
 * remark plugin in unified, or the Sätteri plugin (MDX evaluated into HTML with a small JSX
 * runtime). Tests run their fixtures through every path and expect the same ledger and errors.
 * Pages are parsed as tests/helpers/page-parser.ts says (Markdown pages by Sätteri on both paths).
 */

export type Processor = 'remark' | 'satteri';
export const processors: Processor[] = ['remark', 'satteri'];

export interface PageRun {
  path: string;
  text: string;
  contentDir: string;
  index?: QuoteIndex;
  frontmatter?: Record<string, unknown>;
}

/** The page's HTML and front matter as the engine left it; throws the engine's error. */
export function renderPage(processor: Processor, { path, text, contentDir, index, frontmatter = {} }: PageRun): { html: string; frontmatter: Record<string, unknown> } {
  const mdx = path.endsWith('.mdx');
  // As the build's content loader does before the MDX compiler sees the page.
  if (mdx) assertMdxNestingWithin(path, text);
  if (processor === 'remark') {
    const file = new VFile({ path, value: text, data: { astro: { frontmatter } } });
    const html = String(pageParser(path).use(remarkCitations, { contentDir, base: '/', index }).use(remarkRehype).use(rehypeStringify).processSync(file));
    return { html, frontmatter: (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter };
  }
  const astro = { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  const options = { mdastPlugins: [satteriCitations({ contentDir, base: '/', index })], fileURL: pathToFileURL(path), data: { astro } };
  // The engine's plugins are synchronous, so Sätteri returns results, not promises.
  if (!mdx) return { html: (markdownToHtml(text, { ...options, features: noteParsing }) as MarkdownToHtmlResult).html, frontmatter };
  const { default: content } = evaluate(text, { ...options, ...jsxToHast, elementAttributeNameCase: 'html' }) as { default: (props: object) => ElementContent[] };
  return {
    html: unified()
      .use(rehypeStringify)
      .stringify({ type: 'root', children: [content({})].flat() } as Root),
    frontmatter,
  };
}

/**
 * A Markdown page (content/pages/flood.md of a site at /site) through one processor, for the tests
 * of its directives: its HTML without the white space between tags, its ledger records and notes.
 */
export function renderMarkdownPage(processor: Processor, markdown: string, index: QuoteIndex, frontmatter: Record<string, unknown> = {}) {
  const { html, frontmatter: after } = renderPage(processor, { path: '/site/content/pages/flood.md', text: markdown, contentDir: '/site/content', index, frontmatter });
  return { html: html.replace(/>\s+</g, '><'), citations: after.citations as PageCitation[], notes: after.notes };
}

/** A JSX runtime that builds hast, so that compiled MDX can be printed as HTML. */
const Fragment = Symbol('Fragment');
const jsx: EvaluateOptions['jsx'] = (type, props) => {
  const { children, ...properties } = props as { children?: unknown };
  const content = [children ?? []].flat(Infinity).map((child) => (typeof child === 'string' ? { type: 'text' as const, value: child } : (child as ElementContent)));
  return type === Fragment ? content : ({ type: 'element', tagName: String(type), properties: properties as Properties, children: content } satisfies Element);
};
const jsxToHast = { Fragment, jsx, jsxs: jsx };
