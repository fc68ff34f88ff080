import type { CslItem } from './item.ts';
import { oneLine } from './one-line.ts';
import { risPublisherTag, type SourceTypeFormat, sourceTypeFormats } from './source-types.ts';

/**
 * BibTeX and RIS from the CSL-JSON item, the one record every export is made from. citation-js
 * does not do this job (its BibTeX writes `month = {nov 23}`, which readers drop, and
 * `howpublished` for the address, which they read as the publisher; its RIS has no site name or
 * access date), so each format is written here from a field table. Every value is folded onto
 * one line (cite/one-line.ts), so no field can start a record of its own.
 *
 * BibTeX, read by classic BibTeX, biblatex (biber), pandoc and Zotero:
 *
 * | CSL-JSON          | article-newspaper (a source)        | webpage (a page of the site) |
 * | ----------------- | ----------------------------------- | ---------------------------- |
 * | type              | `@article`, `entrysubtype = {newspaper}` | `@online`               |
 * |                   | (other kinds of source: cite/source-types.ts) |               |
 * | citation-key      | the entry key                       | the entry key                |
 * | title             | `title`, each word with a capital braced, so its case is kept | the same |
 * | author (literal)  | `author`, braced as one name        | (none: the site names none)  |
 * | container-title   | `journal` (biblatex: journaltitle)  | `organization` (biblatex ignores `journal` in @online), braced as one name |
 * | publisher, event-place | (a stand-alone document's publisher, a speech's place: `publisher`, `institution` or `venue`, by kind) | |
 * | issued            | `year`, `month` (standard macro, e.g. `jun`), `date` (YYYY-MM-DD, `~` after it when circa) | the same |
 * | URL               | `url`                               | `url`                        |
 * | accessed          | `urldate`                           | (none: the reader's to give) |
 * | section, note     | `note` ("Section: …. " + the note)  | `note`, when there is one    |
 *
 * RIS:
 *
 * | CSL-JSON        | RIS tag | note                                   |
 * | --------------- | ------- | -------------------------------------- |
 * | type            | TY      | `NEWS` for a news source (others by kind), `ELEC` for a page |
 * | citation-key    | ID      |                                        |
 * | title           | TI      |                                        |
 * | author          | AU      | one line per author                    |
 * | container-title | T2      | the publication or the site            |
 * | publisher       | PB      | a stand-alone document's publisher     |
 * | event-place     | CY      | where a speech was delivered           |
 * | section         | SE      |                                        |
 * | issued          | PY, DA  | `2023`, `2023/06/28/`                  |
 * | accessed        | Y2      | `2026/11/22/`                          |
 * | URL             | UR      |                                        |
 * | note            | N1      |                                        |
 */

/** How a CSL type is written in BibTeX and RIS: a page of the site is a webpage, like a web page source. */
export function exportFormatOf(type: CslItem['type']): SourceTypeFormat {
  const format = Object.values(sourceTypeFormats).find((candidate) => candidate.csl === type);
  if (!format) throw new Error(`no BibTeX or RIS type for the CSL type "${type}": add it to cite/source-types.ts`);
  return format;
}

const monthMacros = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const latexSpecial: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Text as a BibTeX field value: LaTeX's special characters escaped, so braces always balance. */
export const bibtexText = (text: string) => oneLine(text).replace(/[\\{}%&$#_^~]/g, (char) => latexSpecial[char]);

/**
 * A title as BibTeX text whose case every reader keeps: each word with a capital is braced, which
 * BibTeX styles, biblatex and pandoc leave as written (pandoc would otherwise lower-case it),
 * while the other words stay free for a style that title-cases (Chicago, MLA).
 */
const bibtexTitle = (title: string) => bibtexText(title).replace(/\S+/g, (word) => (/\p{Lu}/u.test(word) ? `{${word}}` : word));

/** An address as a BibTeX `url` (read verbatim): only the characters that would unbalance it are percent-encoded. */
const bibtexUrl = (url: string) => oneLine(url).replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

type CslDate = { 'date-parts': number[][] };
const padded = (date: CslDate) => date['date-parts'][0].map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0')));
const isoOf = (date: CslDate) => padded(date).join('-');
const risDateOf = (date: CslDate) => `${padded(date).join('/')}/`;

/** The note, led by the section where there is one (BibTeX has no field for it). */
const noteWithSection = (item: CslItem) => [item.section && `Section: ${item.section}`, item.note].filter(Boolean).join('. ');

/** biblatex's list fields among those a publisher may fill: "A and B" in one would be read as two. */
const listFields = new Set(['organization', 'publisher', 'institution']);

export function bibtexEntry(item: CslItem): string {
  const [year, month] = item.issued['date-parts'][0];
  const note = noteWithSection(item);
  const { bibtex } = exportFormatOf(item.type);
  const publisher = item['container-title'] ?? item.publisher ?? item['event-place'];
  const fields: Array<[string, string | undefined]> = [
    ['entrysubtype', bibtex.entrysubtype],
    ['author', item.author?.map((name) => `{${bibtexText(name.literal)}}`).join(' and ')],
    ['title', bibtexTitle(item.title)],
    // A list field (biblatex splits it at each "and") is braced, as one name.
    [bibtex.publisherField, publisher && (listFields.has(bibtex.publisherField) ? `{${bibtexText(publisher)}}` : bibtexText(publisher))],
    ['year', String(year)],
    ['month', month ? monthMacros[month - 1] : undefined],
    // biblatex's (EDTF) mark of an approximate date, which pandoc reads as CSL's circa.
    ['date', `${isoOf(item.issued)}${item.issued.circa ? '~' : ''}`],
    ['url', item.URL && bibtexUrl(item.URL)],
    ['urldate', item.accessed && isoOf(item.accessed)],
    ['note', note ? bibtexText(note) : undefined],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    // A month macro is written bare: braced, readers take it as text and drop it.
    .map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`},`);
  return `@${bibtex.type}{${item['citation-key'] ?? item.id},\n${body.join('\n')}\n}\n`;
}

export const toBibtex = (items: readonly CslItem[]) => items.map(bibtexEntry).join('\n');

export function risRecord(item: CslItem): string {
  const tags: Array<[string, string | undefined]> = [
    ['TY', exportFormatOf(item.type).ris],
    ['ID', item['citation-key'] ?? item.id],
    ['TI', item.title],
    ...(item.author ?? []).map((name): [string, string] => ['AU', name.literal]),
    [risPublisherTag['container-title'], item['container-title']],
    [risPublisherTag.publisher, item.publisher],
    [risPublisherTag['event-place'], item['event-place']],
    ['SE', item.section],
    ['PY', String(item.issued['date-parts'][0][0])],
    ['DA', risDateOf(item.issued)],
    ['Y2', item.accessed && risDateOf(item.accessed)],
    ['UR', item.URL],
    ['N1', item.note],
  ];
  const lines = tags.filter((tag): tag is [string, string] => tag[1] !== undefined).map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
  // RIS ends a record with "ER  - " and its trailing space.
  return `${lines.join('\n')}\nER  - \n`;
}

export const toRis = (items: readonly CslItem[]) => items.map(risRecord).join('\n');
