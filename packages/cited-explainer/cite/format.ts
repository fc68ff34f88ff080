import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { buildCache, packageVersion } from '../lib/build-cache.ts';
import { downloadBody } from './download-files.ts';
import exportSource from './export.ts?raw';
import formatSource from './format.ts?raw';
import type { CslItem } from './item.ts';
import { oneEntryStyle } from './one-entry-style.ts';
import oneEntryStyleSource from './one-entry-style.ts?raw';
import chicagoStyle from './styles/chicago-note-bibliography.csl?raw';
import enGbLocale from './styles/locales-en-GB.xml?raw';
import mlaStyle from './styles/modern-language-association.csl?raw';

/**
 * Citation strings and files for one CSL item: the styles by citeproc-js with the official CSL
 * styles, through citation-js's CSL plugin, nothing formatted by hand; BibTeX and RIS from field
 * tables (export.ts).
 */

interface CslConfig {
  styles: { add(name: string, xml: string): void; has(name: string): boolean; get(name: string): string };
  locales: { add(name: string, xml: string): void; has(name: string): boolean; get(name: string): string };
  /** The plugin's citeproc engine for a style and locale, made once and kept; given the items to format. */
  engine(items: CslItem[], style: string, lang: string, format: 'html' | 'text'): CiteprocEngine;
}

interface CiteprocEngine {
  updateItems(ids: string[]): string[];
  makeBibliography(): [Record<string, unknown>, string[]];
}

const csl = plugins.config.get('@csl') as CslConfig;
// APA and Harvard (Cite Them Right) ship with the plugin as "apa" and "harvard1".
if (!csl.styles.has('mla')) csl.styles.add('mla', mlaStyle);
if (!csl.styles.has('chicago')) csl.styles.add('chicago', chicagoStyle);
if (!csl.locales.has('en-GB')) csl.locales.add('en-GB', enGbLocale);

/**
 * A web page's site name ("River Town flood explainer") as APA writes it: title-cased by citeproc
 * itself (apa.csl's text-case="title"), with a style that writes nothing else.
 */
const titleCaseStyle =
  '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>title case</title><id>title-case</id><updated>2024-01-01T00:00:00+00:00</updated></info><citation><layout><text value="-"/></layout></citation><bibliography><layout><text variable="title" text-case="title"/></layout></bibliography></style>';
if (!csl.styles.has('title case')) csl.styles.add('title case', titleCaseStyle);

/** Names already title-cased: a site's every page gives the same one to two styles. */
const titleCasedNames = new Map<string, string>();

export function titleCased(text: string): string {
  let cased = titleCasedNames.get(text);
  if (cased === undefined) {
    const engine = csl.engine([{ id: 'name', type: 'webpage', title: text, issued: { 'date-parts': [[0]] } }], 'title case', 'en-US', 'text');
    engine.updateItems(['name']);
    cased = engine.makeBibliography()[1][0].trim();
    titleCasedNames.set(text, cased);
  }
  return cased;
}

/**
 * How a style is given a web page (a page of this site, or a web page source), so that every
 * style names the site alike, title-cased as APA and MLA write it (a website's name is a title,
 * CMOS 8.191), and Chicago leads with the page's title: "“Background.” Site Name, June 1, 2026. URL."
 * The official Chicago style would put the site's name in place of the missing author; as the
 * site's publisher it follows the title instead. The item itself, and every download, keeps the
 * name as site.json writes it.
 */
type WebpageSite = (item: CslItem) => CslItem;
const siteTitleCased: WebpageSite = (item) => ({ ...item, 'container-title': titleCased(item['container-title']!) });
const siteAsPublisher: WebpageSite = ({ 'container-title': site, ...item }) => ({ ...item, publisher: titleCased(site!) });

/** Each style in its own locale: the American styles with American dates and double quotes, Cite Them Right British. */
export const citeStyles: ReadonlyArray<{ id: 'apa' | 'mla' | 'chicago' | 'harvard'; label: string; template: string; lang: string; webpage?: WebpageSite }> = [
  { id: 'apa', label: 'APA 7', template: 'apa', lang: 'en-US' },
  { id: 'mla', label: 'MLA 9', template: 'mla', lang: 'en-US' },
  { id: 'chicago', label: 'Chicago (notes and bibliography)', template: 'chicago', lang: 'en-US', webpage: siteAsPublisher },
  { id: 'harvard', label: 'Harvard (Cite Them Right)', template: 'harvard1', lang: 'en-GB', webpage: siteTitleCased },
];

const forStyle = (item: CslItem, webpage: WebpageSite | undefined) => (webpage && item.type === 'webpage' && item['container-title'] && !item.publisher ? webpage(item) : item);

/** The item as a style is given it (see WebpageSite): what a reader's own citeproc would need to print the same entry. */
export const itemForStyle = (item: CslItem, id: CiteStyleId) => forStyle(item, citeStyles.find((style) => style.id === id)?.webpage);

export type CiteStyleId = (typeof citeStyles)[number]['id'];

// Each style as citation-js registers it, reduced to one entry at a time (one-entry-style.ts), under a name of its own.
const oneEntryTemplate = (template: string) => `${template} (one entry)`;
for (const { template } of citeStyles) {
  if (!csl.styles.has(oneEntryTemplate(template))) csl.styles.add(oneEntryTemplate(template), oneEntryStyle(csl.styles.get(template), template));
}

export interface FormattedStyle {
  id: CiteStyleId;
  label: string;
  /** The entry as citeproc's HTML (italic titles), without its wrapping div. */
  html: string;
}

export interface FormattedCitation {
  styles: FormattedStyle[];
  bibtex: string;
  ris: string;
  cslJson: string;
}

// citeproc wraps each entry in one div of its own; the entry's markup is what we show.
const entryWrapper = /^\s*<div\b[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*$/;

// citeproc writes some formatting as style attributes (a title's own <i> set upright, small
// capitals), which the site's Content-Security-Policy (style-src 'self') would refuse: each
// becomes a class, styled in styles/cite.css.
const styleClasses: Record<string, string> = {
  'font-style:normal;': 'csl-upright',
  'font-style:italic;': 'csl-italic',
  'font-variant:small-caps;': 'csl-small-caps',
  'font-variant:normal;': 'csl-normal-variant',
  'font-weight:bold;': 'csl-bold',
  'font-weight:normal;': 'csl-normal-weight',
};

function withoutStyleAttributes(html: string): string {
  return html.replace(/ style="([^"]*)"/g, (_, style: string) => {
    const declarations = style
      .replace(/\s+/g, '')
      .split(/(?<=;)/)
      .filter(Boolean);
    const classes = declarations.map((declaration) => {
      const name = styleClasses[declaration.endsWith(';') ? declaration : `${declaration};`];
      if (!name) throw new Error(`citeproc wrote a style the site cannot carry: "${declaration}" (add it to styleClasses in cite/format.ts)`);
      return name;
    });
    return ` class="${classes.join(' ')}"`;
  });
}

function unwrapEntry(html: string): string {
  const match = entryWrapper.exec(html);
  if (!match) throw new Error(`unexpected citeproc HTML: ${html.slice(0, 80)}`);
  return withoutStyleAttributes(match[1].trim());
}

// A page's citations are shown on it and written to three download files: format each item once
// per build, and keep the result between builds under a hash of the item and of everything that
// formats it (this code, the field tables, the styles and locales, citeproc), so an unchanged
// item is never formatted again and a change to any of these formats it anew.
const formatted = new Map<string, FormattedCitation>();
// Only production builds keep formatting between runs (in the folder the integration names,
// lib/build-cache.ts): tests and the dev server format afresh.
const cacheDir: string | undefined = import.meta.env.CITED_EXPLAINER_CITE_CACHE;
const stored =
  import.meta.env.PROD && cacheDir
    ? buildCache(cacheDir, 'json', [
        formatSource,
        exportSource,
        oneEntryStyleSource,
        ...citeStyles.flatMap(({ template, lang }) => [csl.styles.get(template) ?? '', csl.locales.get(lang) ?? '']),
        ...['citeproc', '@citation-js/core', '@citation-js/plugin-csl'].map(packageVersion),
      ])
    : undefined;

export function formatCitation(item: CslItem): FormattedCitation {
  const key = JSON.stringify(item);
  const known = formatted.get(key);
  if (known) return known;
  const kept = stored?.read([key]);
  const result = kept ? (JSON.parse(new TextDecoder().decode(kept)) as FormattedCitation) : formatWithCiteproc(item);
  if (!kept) stored?.write([key], JSON.stringify(result));
  formatted.set(key, result);
  return result;
}

/**
 * The item's bibliography entry in a citation-js template, as citeproc writes it. What
 * citation-js's own `format('bibliography')` does, less its parsing and plumbing around each call.
 */
export function citeprocEntry(item: CslItem, template: string, lang: string): string {
  const engine = csl.engine([item], oneEntryTemplate(template), lang, 'html');
  engine.updateItems([item.id]);
  const [, [entry]] = engine.makeBibliography();
  return entry;
}

/** The same, uncached (formatCitation's cache aside, for tests). */
export function formatWithCiteproc(item: CslItem): FormattedCitation {
  const styles = citeStyles.map(({ id, label, template, lang, webpage }) => ({ id, label, html: unwrapEntry(citeprocEntry(forStyle(item, webpage), template, lang)) }));
  return {
    styles,
    bibtex: downloadBody.bib(item),
    ris: downloadBody.ris(item),
    cslJson: downloadBody.json(item),
  };
}
