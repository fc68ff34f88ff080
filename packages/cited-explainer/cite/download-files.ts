import { toBibtex, toRis } from './export.ts';
import { type CiteFormat, type CslItem, citeFilePath } from './item.ts';

/**
 * The "Cite this page" download files of one page: BibTeX, RIS and CSL-JSON, each made from the
 * page's CSL item alone (no citeproc), so the build writes them in its worker thread
 * (integration/build-writers-worker.ts) and `astro dev` serves them (routes/cite/).
 */
export const downloadBody: Record<CiteFormat, (item: CslItem) => string> = {
  bib: (item) => toBibtex([item]),
  ris: (item) => toRis([item]),
  json: (item) => `${JSON.stringify([item], null, 1)}\n`,
};

/** A page cited: its root-relative path without the base ("/", "/sources/<id>/") and its item. */
export interface CitedPage {
  path: string;
  item: CslItem;
}

/** The page's three files: their paths under the site's root (citeFilePath) and their text. */
export const downloadFiles = ({ path, item }: CitedPage) => (Object.keys(downloadBody) as CiteFormat[]).map((format) => ({ file: citeFilePath(path, format), body: downloadBody[format](item) }));
