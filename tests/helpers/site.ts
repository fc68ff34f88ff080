import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import type { ProvidedBuild, SharedBuild, SharedBuildsRecord } from './site-global-setup.ts';

let shared: SharedBuildsRecord | undefined;

/** A site built by the global setup (the real site by default); throws the build output when that build failed. */
export function builtSite(which: SharedBuild = 'realSite'): ProvidedBuild {
  const record = inject('sharedBuilds');
  if (!record || !existsSync(record)) throw new Error(`no ${which} build: run the site project (vitest --project site), whose globalSetup builds it`);
  shared ??= JSON.parse(readFileSync(record, 'utf8')) as SharedBuildsRecord;
  if ('error' in shared) throw new Error(`the shared site builds failed:\n${shared.error}`);
  const build = shared.builds[which];
  if (!build.ok) throw new Error(`${which} did not build (content ${build.contentDir}, base ${build.base}):\n${build.output}`);
  return build;
}

/** Every file of a built folder, as sorted paths relative to it with "/" separators. */
export function listFiles(outDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(outDir, path).split(sep).join('/'));
    }
  };
  walk(outDir);
  return files.sort();
}

/** sha256 (hex) of every file under a folder, by its path there: two folders, or one before and after, compared byte for byte. */
export const fileHashes = (dir: string): Record<string, string> =>
  Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );

/**
 * Every page of a built site, found by crawling for index.html files: "/", "/sources/", … (without
 * base), and the not-found page, "/404.html", which hosts serve for any missing address.
 */
export function listPages(outDir: string): string[] {
  return listFiles(outDir)
    .filter((file) => file === 'index.html' || file.endsWith('/index.html') || file === '404.html')
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}

export type PageType = 'home' | 'sources' | 'source' | 'search' | 'explainer' | 'not-found';

export function pageType(path: string): PageType {
  if (path === '/') return 'home';
  if (path === '/sources/') return 'sources';
  if (path.startsWith('/sources/')) return 'source';
  if (path.startsWith('/search/')) return 'search';
  if (path.startsWith('/404')) return 'not-found';
  return 'explainer';
}

/**
 * A page of each kind, for checks that depend on a page's template rather than its text: every
 * top-level page ("/", "/glossary/", "/404.html"), and the first page under each section
 * ("/incidents/…"), whose pages share one template.
 */
export function onePagePerKind(pages: string[]): string[] {
  const kinds = new Map<string, string>();
  for (const path of pages) {
    const segments = path.split('/').filter(Boolean);
    const kind = segments.length > 1 ? `${segments[0]}/*` : path;
    if (!kinds.has(kind)) kinds.set(kind, path);
  }
  return [...kinds.values()];
}

/** The pages whose built HTML contains a snippet (such as `class="toc"`). */
export const pagesContaining = (outDir: string, pages: string[], snippet: string) => pages.filter((path) => readPage(outDir, path).includes(snippet));

/** The pages whose HTML has a citation marker. */
export const pagesWithMarkers = (outDir: string, pages: string[]) => pagesContaining(outDir, pages, 'class="cite-marker"');

export function readPage(outDir: string, path: string): string {
  return readFileSync(path.endsWith('.html') ? join(outDir, path) : join(outDir, path, 'index.html'), 'utf8');
}

export interface PageLink {
  /** The attribute as written. */
  raw: string;
  /** Resolved against the page's URL. */
  url: string;
  tag: string;
  attribute: string;
  rel: string | null;
  referrerpolicy: string | null;
  /** Where on the page: "preview", "endnotes", "nav", … or "" */
  region: string;
  text: string;
}

export interface PageFacts {
  ids: string[];
  links: PageLink[];
  /** id references (popovertarget, aria-*, for, headers) that must name an element on the same page. */
  idrefs: Array<{ attribute: string; value: string; tag: string }>;
  inlineScripts: Array<{ type: string; text: string }>;
  eventHandlers: Array<{ tag: string; attribute: string }>;
  csp: string[];
}

/**
 * Reads the facts the link, privacy and no-JS checks need from the DOM as published: the page's own
 * DOM when scripts are off, or, given the HTML the server sent, that HTML as Chromium parses it
 * (DOMParser runs no script, and its document has the page's address, so links resolve as on the page).
 */
export async function pageFacts(page: Page, publishedHtml?: string): Promise<PageFacts> {
  return page.evaluate((html) => {
    const document = html === undefined ? window.document : new DOMParser().parseFromString(html, 'text/html');
    const regionOf = (element: Element): string => {
      if (element.closest('.cite-preview')) return 'preview';
      if (element.closest('[role="doc-endnotes"]')) return 'endnotes';
      if (element.closest('nav')) return 'nav';
      if (element.closest('header')) return 'header';
      if (element.closest('footer')) return 'footer';
      return '';
    };
    const links: PageLink[] = [];
    const urlAttributes: Array<[string, string]> = [
      ['a', 'href'],
      ['area', 'href'],
      ['link', 'href'],
      ['img', 'src'],
      ['script', 'src'],
      ['iframe', 'src'],
      ['source', 'src'],
      ['video', 'src'],
      ['audio', 'src'],
      ['track', 'src'],
      ['embed', 'src'],
      ['object', 'data'],
      ['form', 'action'],
      ['video', 'poster'],
      ['blockquote', 'cite'],
      ['q', 'cite'],
    ];
    for (const [tag, attribute] of urlAttributes) {
      for (const element of document.querySelectorAll(`${tag}[${attribute}]`)) {
        const raw = element.getAttribute(attribute) ?? '';
        links.push({
          raw,
          url: new URL(raw, document.baseURI).href,
          tag,
          attribute,
          rel: element.getAttribute('rel'),
          referrerpolicy: element.getAttribute('referrerpolicy'),
          region: regionOf(element),
          text: (element.textContent ?? '').trim().slice(0, 80),
        });
      }
    }
    for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
      for (const candidate of (element.getAttribute('srcset') ?? '').split(',')) {
        const raw = candidate.trim().split(/\s+/)[0];
        if (raw)
          links.push({ raw, url: new URL(raw, document.baseURI).href, tag: element.tagName.toLowerCase(), attribute: 'srcset', rel: null, referrerpolicy: null, region: regionOf(element), text: '' });
      }
    }
    const idrefs: PageFacts['idrefs'] = [];
    for (const attribute of ['popovertarget', 'aria-controls', 'aria-labelledby', 'aria-describedby', 'aria-details', 'aria-owns', 'for', 'headers', 'list', 'form', 'commandfor']) {
      for (const element of document.querySelectorAll(`[${attribute}]`)) {
        for (const value of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          idrefs.push({ attribute, value, tag: element.tagName.toLowerCase() });
        }
      }
    }
    const eventHandlers: PageFacts['eventHandlers'] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.startsWith('on')) eventHandlers.push({ tag: element.tagName.toLowerCase(), attribute });
      }
    }
    return {
      ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
      links,
      idrefs,
      inlineScripts: [...document.querySelectorAll('script:not([src])')].map((script) => ({
        type: script.getAttribute('type') ?? '',
        text: script.textContent ?? '',
      })),
      eventHandlers,
      csp: [...document.querySelectorAll('meta[http-equiv]')]
        .filter((meta) => meta.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy')
        .map((meta) => meta.getAttribute('content') ?? ''),
    };
  }, publishedHtml);
}

/** The original-article addresses of the sources, from the site's /sources.json (CSL-JSON). */
export function sourceUrls(outDir: string): Set<string> {
  const sources = JSON.parse(readFileSync(join(outDir, 'sources.json'), 'utf8')) as Array<{ URL?: string }>;
  return new Set(sources.map((source) => source.URL).filter((url): url is string => Boolean(url)));
}

/** What a link check needs to know about the built site. */
export interface SiteIndex {
  outDir: string;
  /** The base path, "/" or "/explainer/". */
  base: string;
  pages: string[];
  files: Set<string>;
  /** Page path (without base) → facts of its DOM. */
  facts: Map<string, PageFacts>;
}

/** Problems with one page's links: internal targets that do not exist, external links not allowed. */
export function linkProblems(site: SiteIndex, origin: string, path: string, allowedExternal: Set<string>): string[] {
  const facts = site.facts.get(path);
  if (!facts) return [`${path}: not crawled`];
  const problems: string[] = [];
  const ids = new Set(facts.ids);
  const seen = new Set<string>();
  for (const id of facts.ids) {
    if (seen.has(id)) problems.push(`duplicate id "${id}"`);
    seen.add(id);
  }
  for (const ref of facts.idrefs) {
    if (!ids.has(ref.value)) problems.push(`<${ref.tag} ${ref.attribute}="${ref.value}">: no element with that id on the page`);
  }
  for (const link of facts.links) {
    const where = `<${link.tag} ${link.attribute}="${link.raw}">${link.region ? ` (in ${link.region})` : ''}`;
    if (link.raw.trim() === '' || link.raw === '#') {
      problems.push(`${where}: empty link`);
      continue;
    }
    const url = new URL(link.url);
    if (url.origin === origin) {
      if (!url.pathname.startsWith(site.base)) {
        problems.push(`${where}: outside the base path ${site.base}`);
        continue;
      }
      const target = `/${decodeURIComponent(url.pathname.slice(site.base.length))}`;
      let targetPage: string | undefined;
      if (target.endsWith('/')) {
        if (site.pages.includes(target)) targetPage = target;
        else {
          problems.push(`${where}: no page ${target}`);
          continue;
        }
      } else if (site.pages.includes(target)) {
        targetPage = target; // a page served as a file: /404.html
      } else if (!site.files.has(target.slice(1))) {
        problems.push(site.pages.includes(`${target}/`) ? `${where}: page address without its trailing slash (hosts answer with a redirect or a 404)` : `${where}: no file ${target}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !fragment.startsWith(':~:')) {
        if (!targetPage) problems.push(`${where}: fragment on a file that is not a page`);
        else if (!new Set(site.facts.get(targetPage)?.ids).has(fragment)) {
          problems.push(`${where}: ${targetPage} has no element with id "${fragment}"`);
        }
      }
    } else if (url.protocol === 'http:' || url.protocol === 'https:') {
      const withoutFragment = link.url.split('#')[0];
      if (link.tag !== 'a') problems.push(`${where}: loads from another host`);
      else if (!allowedExternal.has(withoutFragment)) problems.push(`${where}: external link to an address that is not a source's original article`);
      else if (!(link.rel ?? '').split(/\s+/).includes('noreferrer') && link.referrerpolicy !== 'no-referrer') {
        problems.push(`${where}: external link without rel="noreferrer" or referrerpolicy="no-referrer"`);
      }
    } else if (url.protocol !== 'mailto:') {
      problems.push(`${where}: ${url.protocol} link`);
    }
  }
  return problems;
}
