import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SourceMeta } from '../schemas/source.ts';
import { formatDate } from '../lib/dates.ts';
import { sourcePath, textFragmentUrl, withBase } from '../lib/url.ts';

/** HTML for citations, as hast: markers with their previews, and the endnote list. No script. */

export interface RenderedNote {
  number: number;
  /** The endnote's element id: "note-3", or with a prefix where a page has a second list of sources. */
  id: string;
  source: SourceMeta;
  paragraph: string;
  quote: string;
  /** Who speaks in the passage, as the citation names them (shown to the reader). */
  speaker: { slug: string; name: string } | null;
  /** Claims on the page citing this note, in order. */
  backlinks: Array<{ claimAnchor: string }>;
}

export interface MarkerInput {
  note: RenderedNote;
  citationId: string;
  /** Unique per marker on the page. */
  markerId: string;
  base: string;
}

export const archiveHref = (base: string, sourceId: string, paragraph?: string) =>
  withBase(base, `${sourcePath(sourceId)}${paragraph ? `#${paragraph}` : ''}`);

export function sourceLine(source: SourceMeta): ElementContent[] {
  const date = formatDate(source.published.date);
  return [
    h('cite', source.headline),
    { type: 'text', value: `, ${source.publisher}, ` },
    h('time', { dateTime: source.published.date }, source.published.estimate ? `${date} (date estimated)` : date),
  ];
}

function originalLink(source: SourceMeta, quote: string, label: string): ElementContent {
  if (!source.url) return { type: 'text', value: 'original URL unknown' };
  return h('a', { href: textFragmentUrl(source.url, quote), rel: 'external noopener noreferrer', referrerPolicy: 'no-referrer' }, label);
}

const claimStartWords = 8;

/** The first words of a claim, to name its link: "Link to the claim: The mayor said the two bridges…". */
export function claimStart(claim: string): string {
  const words = claim.trim().split(/\s+/);
  return words.length > claimStartWords ? `${words.slice(0, claimStartWords).join(' ')}…` : words.join(' ');
}

/**
 * The claim's own link, so a reader can copy the address of one sentence. It sits first in the
 * claim's span; src/styles/claim-links.css shows it beside the claim on hover and focus only.
 */
export function claimLink(anchor: string, claim: string): Element {
  return h('a', { href: `#${anchor}`, className: ['claim-link'], ariaLabel: `Link to the claim: ${claimStart(claim)}` }, '#');
}

/** "Statement by …": the attribution a citation's speaker gives its claim, visible wherever the passage is. */
function speakerLine(note: RenderedNote, className: string): ElementContent[] {
  return note.speaker ? [{ type: 'text', value: ' ' }, h('span', { className: [className] }, `(statement by ${note.speaker.name})`)] : [];
}

export function citationMarker({ note, citationId, markerId, base }: MarkerInput): Element[] {
  const previewId = `preview-${markerId}`;
  return [
    h('sup', { className: ['cite-ref'] }, [
      h(
        'button',
        { type: 'button', className: ['cite-marker'], popoverTarget: previewId, dataCite: citationId, ariaLabel: `Source ${note.number}` },
        String(note.number),
      ),
    ]),
    h('span', { id: previewId, popover: 'auto', className: ['cite-preview'] }, [
      h('q', { className: ['cite-preview-quote'] }, note.quote),
      ...speakerLine(note, 'cite-preview-speaker'),
      h('span', { className: ['cite-preview-source'] }, sourceLine(note.source)),
      h('span', { className: ['cite-preview-links'] }, [
        h('a', { href: archiveHref(base, note.source.id, note.paragraph) }, `Archived text, paragraph ${note.paragraph.slice(1)}`),
        { type: 'text', value: ' · ' },
        originalLink(note.source, note.quote, 'Original article'),
        { type: 'text', value: ' · ' },
        h('a', { href: `#${note.id}`, role: 'doc-noteref' }, `Note ${note.number}`),
      ]),
    ]),
  ];
}

export function endnotes(notes: readonly RenderedNote[], base: string, heading = { id: 'endnotes-title', text: 'Sources' }): Element {
  return h('section', { className: ['endnotes'], role: 'doc-endnotes', ariaLabelledBy: heading.id }, [
    h('h2', { id: heading.id }, heading.text),
    h(
      'ol',
      notes.map((note) =>
        h('li', { id: note.id }, [
          h('q', note.quote),
          ...speakerLine(note, 'endnote-speaker'),
          { type: 'text', value: ' — ' },
          ...sourceLine(note.source),
          { type: 'text', value: '. ' },
          h('a', { href: archiveHref(base, note.source.id, note.paragraph) }, `Archived text, paragraph ${note.paragraph.slice(1)}`),
          { type: 'text', value: '. Original: ' },
          note.source.url
            ? h('a', { href: note.source.url, className: ['endnote-url'], rel: 'external noopener noreferrer', referrerPolicy: 'no-referrer' }, note.source.url)
            : { type: 'text', value: 'URL unknown' },
          { type: 'text', value: '. ' },
          h(
            'span',
            { className: ['endnote-backlinks'] },
            note.backlinks.flatMap(({ claimAnchor }, i) => [
              h('a', { href: `#${claimAnchor}`, role: 'doc-backlink', ariaLabel: `Back to claim ${i + 1} citing note ${note.number}` }, `↑${note.backlinks.length > 1 ? i + 1 : ''}`),
              { type: 'text', value: ' ' },
            ]),
          ),
        ]),
      ),
    ),
  ]);
}
