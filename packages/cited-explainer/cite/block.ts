import { withBase } from '../lib/url.ts';
import { type FormattedStyle, formatCitation } from './format.ts';
import { type CiteFormat, type CslItem, citeFilePath } from './item.ts';

/** What CiteThisPage.astro shows for one page (the download files: download-files.ts). */

export const citeFormats: ReadonlyArray<{ format: CiteFormat; label: string; type: string }> = [
  { format: 'bib', label: 'BibTeX', type: 'application/x-bibtex' },
  { format: 'ris', label: 'RIS', type: 'application/x-research-info-systems' },
  { format: 'json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json' },
];

export interface CiteDownload {
  label: string;
  href: string;
  /** The download attribute: the file's own name, so several saved files stay apart. */
  filename: string;
  type: string;
}

export interface CiteBlock {
  styles: FormattedStyle[];
  downloads: CiteDownload[];
  /** The cited address is a path only (site.json has no `url`): the block says so. */
  relative: boolean;
}

export function citeBlock(item: CslItem, path: string, base: string, relative = false): CiteBlock {
  const { styles } = formatCitation(item);
  const downloads = citeFormats.map(({ format, label, type }) => {
    const file = citeFilePath(path, format);
    return { label, type, href: withBase(base, file), filename: file.split('/').at(-1)! };
  });
  return { styles, downloads, relative };
}
