import { createHash } from 'node:crypto';
import { type StartTag, scanHtml } from './html-scan.ts';

/**
 * The invariants of a built site (dist/), checked after every build and by `npm run check:dist`:
 * the second line of defence behind the content checks, so that what is published is what was
 * checked. Pure: the caller reads the files (dist-files.ts) and says what to expect.
 *
 * - The only scripts are the site's own search code: script files by exact path (and content
 *   hash where known), inline scripts by hash; any other script file (a component's <script>
 *   bundled to /_astro/*.js) or inline script fails, and so does an inline event handler.
 * - Nothing is loaded from another host; no javascript:, data: or other non-web link; no
 *   <meta http-equiv="refresh">, <base>, <iframe>, <object>, <embed>, nor a form sent elsewhere.
 * - Every page carries the site's Content-Security-Policy.
 * - The required files are there (ledger, search index, each type of page), and every internal
 *   link and fragment resolves.
 *
 * Each file is read once and each link looked up in a map: time grows with the size of the site.
 */

export interface DistExpectations {
  /** The site's base path, "/" or "/explainer/": URLs carry it, files under dist/ do not. */
  base: string;
  /** The published address (site.json "url"), whose host counts as this site's. */
  siteUrl?: string;
  /** Script files allowed, by path under dist/, with the sha256 (hex) of their content where it is known. */
  scriptFiles: ReadonlyMap<string, string | undefined>;
  /** Inline scripts allowed, by sha256 (base64, as a CSP names them). */
  inlineScripts: ReadonlySet<string>;
  /** The Content-Security-Policy every page must carry in its meta tag. */
  contentSecurityPolicy: string;
  /** Files that must exist, by path under dist/, with what they are (for the message). */
  required: ReadonlyArray<{ path: string; what: string }>;
}

export interface DistProblem {
  /** Path under dist/. */
  file: string;
  message: string;
}

/**
 * The files of dist/ by path ("sources/x/index.html"), in order, each with the text of an HTML, CSS,
 * script or JSON file, null for others. A Map will do; the build's reader (dist-files.ts) reads each
 * text as the check reaches it, so that a large site is never held in memory whole.
 */
export type DistFiles = Pick<ReadonlyMap<string, string | null>, 'has'> & Iterable<[string, string | null]>;

const SCRIPT_FILE = /\.(?:m?js|cjs)$/i;
/** Elements that embed another document or plug-in, or change how every link resolves. */
const FORBIDDEN_ELEMENTS: Record<string, string> = {
  base: 'changes where every link of the page goes',
  iframe: 'embeds another page',
  frame: 'embeds another page',
  frameset: 'embeds other pages',
  object: 'embeds a plug-in or another page',
  embed: 'embeds a plug-in or another page',
  applet: 'embeds a plug-in',
  portal: 'embeds another page',
};
/** Attributes holding one URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'ping', 'background', 'manifest', 'icon', 'cite', 'longdesc'];
/** <link> relations a browser does not fetch: they only name an address. */
const NAMING_RELS = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'next', 'prev', 'bookmark', 'me', 'external', 'nofollow', 'noopener', 'noreferrer']);
/** <meta> properties holding an address of this site that must exist (the link preview image). */
const META_URLS = new Set(['og:image', 'twitter:image', 'og:url']);
/** Resolves paths when the site has no address; .invalid is reserved (RFC 2606) and never a real host. */
const NO_ADDRESS = 'http://site.invalid';

const sha256 = (text: string, encoding: 'hex' | 'base64') => createHash('sha256').update(text, 'utf8').digest(encoding);
const shown = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);

/** The scheme of a URL as a browser reads it (tabs and newlines removed, outer spaces trimmed), lower case. */
export function urlScheme(value: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip leading control characters in a URL, and so must the check
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1].toLowerCase();
}

/** The URL path a file under dist/ is served at: "a/index.html" → "/base/a/". */
export function servedPath(file: string, base: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

interface Link {
  from: string;
  element: string;
  attribute: string;
  value: string;
  /** The file it names under dist/, undecided between "x" and "x/index.html" when the path has no slash. */
  path: string;
  fragment: string;
}

/** What the check learns from one HTML page alone: what is wrong in it, its ids, and its links to resolve against the site. */
export interface PageScan {
  problems: string[];
  ids: string[];
  links: Array<Omit<Link, 'from'>>;
}

/**
 * Scans kept from an earlier check of the same site (dist-files.ts keeps them in the build's cache
 * folder): `scan` returns the kept scan of a page whose path and bytes are unchanged, or runs
 * `scanned`. Besides the page, a scan depends on the expectations, the check's code, the HTML
 * parser and Node's URL parser: the keeper drops its scans when any of them changes.
 */
export interface PageScans {
  scan(file: string, html: string, scanned: () => PageScan): PageScan;
}

/** The site's base path as a URL path: "/", or "/explainer/". */
const basePath = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** The site's base path and origin as the check resolves addresses against them. */
const siteOf = (expect: DistExpectations) => ({ base: basePath(expect.base), origin: new URL(expect.siteUrl ?? NO_ADDRESS).origin });

/** Scans pages on their own, for a site with these expectations (see scanPage). */
export function pageScanner(expect: DistExpectations): (file: string, html: string) => PageScan {
  const site = siteOf(expect);
  return (file, html) => scanPage(file, html, expect, site);
}

export function checkDist(files: DistFiles, expect: DistExpectations, pageScans?: PageScans): DistProblem[] {
  const problems: DistProblem[] = [];
  const { base, origin } = siteOf(expect);
  const scanned = pageScanner(expect);
  const ids = new Map<string, Set<string>>();
  const links: Link[] = [];

  for (const { path, what } of expect.required) {
    if (!files.has(path)) problems.push({ file: path, message: `missing: ${what}` });
  }

  for (const [file, text] of files) {
    if (SCRIPT_FILE.test(file)) {
      if (!expect.scriptFiles.has(file)) {
        problems.push({ file, message: "a script file that is not the site's own search code: only search may run (a component's <script> or a script from content is not allowed)" });
      } else {
        const hash = expect.scriptFiles.get(file);
        if (hash && text !== null && sha256(text, 'hex') !== hash) problems.push({ file, message: 'differs from the search code this build bundled' });
      }
    } else if (file.endsWith('.css') && text !== null) {
      for (const [, value] of text.matchAll(/(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)/gi)) {
        const scheme = urlScheme(value);
        if (scheme === 'data') continue;
        if (scheme && scheme !== 'http' && scheme !== 'https') problems.push({ file, message: `a ${scheme}: address in the style sheet: ${shown(value)}` });
        else if (!URL.canParse(value, `${origin}${base}${file}`) || new URL(value, `${origin}${base}${file}`).origin !== origin)
          problems.push({ file, message: `the style sheet loads ${shown(value)} from another site; the site loads nothing from elsewhere` });
      }
    } else if (file.endsWith('.html') && text !== null) {
      const scan = pageScans ? pageScans.scan(file, text, () => scanned(file, text)) : scanned(file, text);
      for (const message of scan.problems) problems.push({ file, message });
      ids.set(file, new Set(scan.ids));
      for (const link of scan.links) links.push({ from: file, ...link });
    } else if (file.endsWith('.json') && text !== null) {
      try {
        JSON.parse(text);
      } catch {
        problems.push({ file, message: 'not valid JSON' });
      }
    } else if (file === '_headers' && text !== null && !text.includes(`Content-Security-Policy: ${expect.contentSecurityPolicy}`)) {
      problems.push({ file, message: "does not carry the site's Content-Security-Policy" });
    }
  }

  for (const link of links) {
    const target = files.has(link.path)
      ? link.path
      : link.path.endsWith('/') || link.path === ''
        ? `${link.path}index.html`
        : files.has(`${link.path}/index.html`)
          ? `${link.path}/index.html`
          : undefined;
    const where = `<${link.element} ${link.attribute}=${shown(link.value)}>`;
    if (!target || !files.has(target)) {
      problems.push({ file: link.from, message: `${where}: no such file in the built site` });
      continue;
    }
    const fragment = link.fragment;
    if (!fragment || fragment === 'top' || fragment.startsWith(':~:') || !target.endsWith('.html')) continue;
    if (!ids.get(target)?.has(fragment)) problems.push({ file: link.from, message: `${where}: ${target} has no element with id ${shown(fragment)}` });
  }
  return problems;
}

/** Checks one HTML page on its own (its links are resolved against the whole site by checkDist). */
function scanPage(file: string, html: string, expect: DistExpectations, { base, origin }: { base: string; origin: string }): PageScan {
  const pageUrl = `${origin}${servedPath(file, base)}`;
  const problems: string[] = [];
  const pageIds = new Set<string>();
  const links: PageScan['links'] = [];
  let policies = 0;
  const report = (message: string) => problems.push(message);

  const checkUrl = (tag: StartTag, attribute: string, value: string) => {
    const where = `<${tag.name} ${attribute}=${shown(value)}>`;
    const scheme = urlScheme(value);
    const isLink = (tag.name === 'a' || tag.name === 'area') && attribute === 'href';
    if (scheme && scheme !== 'http' && scheme !== 'https' && !(isLink && scheme === 'mailto')) {
      report(`${where}: a ${scheme}: address; links and resources are http(s) or on this site`);
      return;
    }
    let url: URL;
    try {
      url = new URL(value, pageUrl);
    } catch {
      report(`${where}: not a valid address`);
      return;
    }
    if (url.protocol === 'mailto:') return;
    const fetched = !(
      isLink ||
      attribute === 'cite' ||
      attribute === 'longdesc' ||
      (tag.name === 'link' &&
        (tag.attributes.get('rel') ?? '')
          .toLowerCase()
          .split(/\s+/)
          .every((rel) => NAMING_RELS.has(rel)))
    );
    if (url.origin !== origin) {
      if (attribute === 'action' || attribute === 'formaction') report(`${where}: sends a form to another site (${url.host}); forms go to this site only`);
      else if (fetched) report(`${where}: loads from another site (${url.host}); the site loads nothing from elsewhere`);
      return;
    }
    if (!url.pathname.startsWith(base)) {
      report(`${where}: outside the site's base path ${base}`);
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      report(`${where}: not a valid address`);
      return;
    }
    let fragment = '';
    try {
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      report(`${where}: not a valid fragment`);
    }
    links.push({ element: tag.name, attribute, value, path, fragment });
  };

  scanHtml(html, {
    tag(tag) {
      const { name, attributes } = tag;
      if (FORBIDDEN_ELEMENTS[name]) report(`<${name}>: ${FORBIDDEN_ELEMENTS[name]}; not allowed in the site`);
      const id = attributes.get('id') ?? (name === 'a' ? attributes.get('name') : undefined);
      if (id !== undefined) pageIds.add(id);
      for (const [attribute, value] of attributes) {
        if (attribute.startsWith('on')) report(`<${name} ${attribute}=${shown(value)}>: an inline event handler; the site runs no script but search`);
      }
      if (name === 'meta') {
        const equiv = (attributes.get('http-equiv') ?? '').toLowerCase();
        if (equiv === 'refresh') report(`<meta http-equiv="refresh" content=${shown(attributes.get('content') ?? '')}>: redirects or reloads the page`);
        if (equiv === 'content-security-policy') {
          policies++;
          if (attributes.get('content') !== expect.contentSecurityPolicy) report(`<meta http-equiv="Content-Security-Policy">: not the site's policy: ${shown(attributes.get('content') ?? '')}`);
        }
        const property = attributes.get('property') ?? attributes.get('name') ?? '';
        const content = attributes.get('content');
        if (META_URLS.has(property) && content) checkUrl(tag, 'content', content);
      }
      if (name === 'script' && attributes.has('src')) {
        const src = attributes.get('src')!;
        const url = URL.canParse(src, pageUrl) ? new URL(src, pageUrl) : undefined;
        const path = url && url.origin === origin && url.pathname.startsWith(base) ? url.pathname.slice(base.length) : undefined;
        if (!path || !expect.scriptFiles.has(path)) report(`<script src=${shown(src)}>: not the site's own search code; only search may run`);
      }
      for (const attribute of URL_ATTRIBUTES) {
        const value = attributes.get(attribute);
        if (value !== undefined && !(name === 'script' && attribute === 'src')) checkUrl(tag, attribute, value);
      }
      const srcset = attributes.get('srcset') ?? attributes.get('imagesrcset');
      if (srcset) for (const candidate of srcset.split(',')) checkUrl(tag, 'srcset', candidate.trim().split(/\s+/)[0] ?? '');
    },
    rawText(tag, text) {
      if (tag.name !== 'script' || tag.attributes.has('src')) return;
      const type = (tag.attributes.get('type') ?? '').trim().toLowerCase();
      if (type === 'application/ld+json' || type === 'application/json') {
        // A data block, never run; it must still be data, so that nothing reads it as markup.
        try {
          JSON.parse(text);
        } catch {
          report(`<script type=${shown(type)}>: not valid JSON`);
        }
        return;
      }
      const hash = sha256(text, 'base64');
      if (!expect.inlineScripts.has(hash)) report(`an inline <script> (sha256-${hash}) that is not one of the site's own (search's boot code, the reader's helpers in lib/reader-script.ts)`);
    },
  });
  if (policies === 0) report('no Content-Security-Policy meta tag');
  return { problems, ids: [...pageIds], links };
}
