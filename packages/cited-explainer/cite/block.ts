import { withBase } from '../lib/url.ts';
import { addressStandIn, withAddressSlot } from './address-slot.ts';
import { type FormattedStyle, formatCitation } from './format.ts';
import { type CiteFormat, type CslItem, citeFilePath } from './item.ts';

/** What CiteThisPage.astro shows for one page (the download files: download-files.ts). */

/** The id of a page's "Cite this page" heading, which the link in the page's head and its contents list point to. */
export const pageCiteId = 'cite-page-title';

// No media type on the links: a browser saves a download by its name whatever the hint says, and
// the bytes count against every page's weight budget.
export const citeFormats: ReadonlyArray<{ format: CiteFormat; label: string }> = [
  { format: 'bib', label: 'BibTeX' },
  { format: 'ris', label: 'RIS' },
  { format: 'json', label: 'CSL-JSON' },
];

export interface CiteDownload {
  label: string;
  href: string;
  /** The download attribute: the file's own name, so several saved files stay apart. */
  filename: string;
}

export interface CiteBlock {
  styles: FormattedStyle[];
  downloads: CiteDownload[];
  /**
   * The site's address is not known (site.json has no `url`): the citations carry no address, the
   * block tells the reader to add theirs, and each keeps a hidden slot the reader's script fills
   * in with the address the page was read at (cite/address-slot.ts).
   */
  addressUnknown: boolean;
}

export function citeBlock(item: CslItem, path: string, base: string, addressUnknown = false): CiteBlock {
  const { styles: formatted } = formatCitation(item);
  const withStandIn = addressUnknown && !item.URL ? formatCitation({ ...item, URL: addressStandIn }).styles : undefined;
  const styles = withStandIn ? formatted.map((style, i) => ({ ...style, html: withAddressSlot(style.html, withStandIn[i].html, withBase(base, path)) })) : formatted;
  const downloads = citeFormats.map(({ format, label }) => {
    const file = citeFilePath(path, format);
    return { label, href: withBase(base, file), filename: file.split('/').at(-1)! };
  });
  return { styles, downloads, addressUnknown };
}
