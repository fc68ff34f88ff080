/**
 * A small HTML tokenizer for checking built pages (dist-check.ts): start tags with their attributes
 * (entity references decoded, as a browser reads them) and the raw text of script and style
 * elements. One pass with indexOf between tags, so a page costs time in proportion to its size.
 * It reads HTML as a browser's tokenizer does for what matters here (comments, raw text elements,
 * quoted and unquoted attributes); it does not build a tree.
 */

export interface StartTag {
  /** Lower-case element name. */
  name: string;
  /** Lower-case attribute names to values (the first of a repeated attribute wins, as in a browser). */
  attributes: Map<string, string>;
}

interface HtmlVisitor {
  tag(tag: StartTag): void;
  /** The raw text of a script or style element, exactly as a CSP hash covers it. */
  rawText?(tag: StartTag, text: string): void;
}

/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  colon: ':',
  sol: '/',
  bsol: '\\',
  period: '.',
  comma: ',',
  lpar: '(',
  rpar: ')',
  excl: '!',
  num: '#',
  semi: ';',
  equals: '=',
  Tab: '\t',
  NewLine: '\n',
};

/** Decodes character references in an attribute value: numeric ones and the named ones that can spell a URL. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});?/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
const isLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

const endTags = new Map<string, RegExp>();
const endTagOf = (name: string) => {
  let pattern = endTags.get(name);
  if (!pattern) {
    pattern = new RegExp(`</${name}[\\s/>]`, 'gi');
    endTags.set(name, pattern);
  }
  return pattern;
};

/** Calls the visitor for every start tag of `html`, in order, and for the text of raw text elements. */
export function scanHtml(html: string, visitor: HtmlVisitor): void {
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */ || next === 0x2f /* / */) {
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!isLetter(next)) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '/' && html[j] !== '>') j++;
    const tag: StartTag = { name: html.slice(lt + 1, j).toLowerCase(), attributes: new Map() };
    while (j < n) {
      while (j < n && (isSpace(html.charCodeAt(j)) || html[j] === '/')) j++;
      if (j >= n || html[j] === '>') {
        j++;
        break;
      }
      let k = j + 1;
      while (k < n && !isSpace(html.charCodeAt(k)) && html[k] !== '/' && html[k] !== '>' && html[k] !== '=') k++;
      const name = html.slice(j, k).toLowerCase();
      j = k;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && isSpace(html.charCodeAt(j))) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          const start = j;
          while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++;
          value = html.slice(start, j);
        }
      }
      if (!tag.attributes.has(name)) tag.attributes.set(name, decodeEntities(value));
    }
    visitor.tag(tag);
    i = j;
    if (RAW_TEXT.has(tag.name)) {
      const endTag = endTagOf(tag.name);
      endTag.lastIndex = i;
      const end = tag.name === 'plaintext' ? null : endTag.exec(html);
      const stop = end ? end.index : n;
      visitor.rawText?.(tag, html.slice(i, stop));
      i = stop;
    }
  }
}
