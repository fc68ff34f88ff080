import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { sourceWordsOf } from '../cite/source-types.ts';
import { format, plural } from '../i18n/format.ts';
import { defaultLocale, type Locale } from '../i18n/locale.ts';
import { sourcePath, textFragmentUrl, withBase } from '../lib/url.ts';
import type { SourceMeta } from '../schemas/source.ts';
import { nestQuotes } from '../typography/smart-quotes.ts';
import type { Endnote } from './resolve.ts';

/**
 * HTML for citations, as hast: markers with their previews, and the endnote list. No script. Its
 * words and dates come from the `locale` the caller passes (the remark plugin's options), so this
 * core needs nothing from Astro.
 */

/** One claim's marker: the claim and every passage it cites. */
export interface ClaimMarkerInput {
  anchor: string;
  claim: string;
  passages: ReadonlyArray<{ note: Endnote; citationId: string }>;
  base: string;
  locale?: Locale;
}

export const archiveHref = (base: string, sourceId: string, paragraph?: string) => withBase(base, `${sourcePath(sourceId)}${paragraph ? `#${paragraph}` : ''}`);

/** A source's publication date as a reader sees it: "26 March 2022", or "… (date estimated)" where it is estimated. */
export function publishedDate(published: SourceMeta['published'], locale: Locale = defaultLocale): string {
  const date = locale.dates.format(published.date);
  return published.estimate ? format(locale.strings.citations.dateEstimated, { date }) : date;
}

export function sourceLine(source: SourceMeta, locale: Locale = defaultLocale): ElementContent[] {
  return [h('cite', source.headline), { type: 'text', value: `, ${source.publisher}, ` }, h('time', { dateTime: source.published.date }, publishedDate(source.published, locale))];
}

/**
 * " · Original article", linked to the quoted words on the original page; nothing when the
 * original address is not recorded (the source page's provenance says how sure it is, once).
 */
function originalLink(source: SourceMeta, quote: string, locale: Locale): ElementContent[] {
  if (!source.url) return [];
  const label = format(locale.strings.citations.originalArticle, { noun: sourceWordsOf(source, locale.strings).noun });
  return [{ type: 'text', value: ' · ' }, h('a', { href: textFragmentUrl(source.url, quote), rel: 'external noreferrer' }, label)];
}

const claimStartWords = 8;

/** The first words of a claim, to name its link: "Link to the claim: The mayor said the two bridges…". */
export function claimStart(claim: string): string {
  const words = claim.trim().split(/\s+/);
  return words.length > claimStartWords ? `${words.slice(0, claimStartWords).join(' ')}…` : words.join(' ');
}

/**
 * The claim's own link, so a reader can copy the address of one sentence. It sits first in the
 * claim's span; styles/claim-links.css shows it beside the claim on hover and focus only.
 */
export function claimLink(anchor: string, claim: string, locale: Locale = defaultLocale): Element {
  return h('a', { href: `#${anchor}`, className: ['claim-link'], ariaLabel: format(locale.strings.citations.claimLinkLabel, { claimStart: claimStart(claim) }) }, '#');
}

/** "Statement by …": the attribution a citation's speaker gives its claim, visible wherever the passage is. */
function speakerLine(note: Endnote, className: string, locale: Locale): ElementContent[] {
  return note.speaker ? [{ type: 'text', value: ' ' }, h('span', { className: [className] }, format(locale.strings.citations.statementBy, { speaker: note.speaker.name }))] : [];
}

/** Note numbers as a reader counts them: "3", "3–5", "2, 7". */
export function noteNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([from, to]) => (from === to ? `${from}` : to === from + 1 ? `${from}, ${to}` : `${from}–${to}`)).join(', ');
}

/**
 * One marker per claim, however many passages support it: a button that opens one preview listing
 * every passage with its source and links, and a visible link to the claim itself, so a reader on
 * a phone can copy the address of one sentence. A word joiner keeps the marker on its word's line.
 */
export function claimMarker({ anchor, claim, passages, base, locale = defaultLocale }: ClaimMarkerInput): ElementContent[] {
  const text = locale.strings.citations;
  const previewId = `preview-${anchor}`;
  const numbers = noteNumbers(passages.map((p) => p.note.number));
  return [
    { type: 'text', value: '\u2060' },
    h('sup', { className: ['cite-ref'] }, [
      h('button', { type: 'button', className: ['cite-marker'], popoverTarget: previewId, ariaLabel: plural(text.markerLabel, passages.length, locale.lang, { numbers }) }, numbers),
    ]),
    h('span', { id: previewId, popover: 'auto', className: ['cite-preview'] }, [
      // On a phone the preview is a sheet: a handle to show it is one (the bar's ::before), and a way to close it that needs no script.
      h('span', { className: ['cite-preview-bar'] }, [h('button', { type: 'button', className: ['cite-preview-close'], popoverTarget: previewId, popoverTargetAction: 'hide' }, text.closePreview)]),
      ...passages.map(({ note, citationId }) =>
        h('span', { className: ['cite-passage'], dataCite: citationId }, [
          h('q', { className: ['cite-preview-quote'] }, nestQuotes(note.quote)),
          ...speakerLine(note, 'cite-preview-speaker', locale),
          h('span', { className: ['cite-preview-source'] }, sourceLine(note.source, locale)),
          h('span', { className: ['cite-preview-links'] }, [
            h('a', { href: archiveHref(base, note.source.id, note.paragraph) }, format(text.archivedParagraph, { paragraph: note.paragraph.slice(1) })),
            ...originalLink(note.source, note.quote, locale),
            { type: 'text', value: ' · ' },
            h('a', { href: `#${note.id}`, role: 'doc-noteref' }, format(text.noteLink, { number: note.number })),
          ]),
        ]),
      ),
      h('a', { href: `#${anchor}`, className: ['cite-preview-claim'], ariaLabel: format(text.linkToSentenceLabel, { claimStart: claimStart(claim) }) }, text.linkToSentence),
    ]),
  ];
}

/**
 * The page's sources as a bibliography: each source named once, with the passages quoted from it
 * numbered under it (the markers' numbers) and links back to the claims that cite them.
 */
export function endnotes(notes: readonly Endnote[], base: string, locale: Locale = defaultLocale): Element {
  const text = locale.strings.citations;
  const headingId = 'endnotes-title';
  const bySource = new Map<string, Endnote[]>();
  for (const note of notes) bySource.set(note.source.id, [...(bySource.get(note.source.id) ?? []), note]);
  return h('section', { className: ['endnotes'], role: 'doc-endnotes', ariaLabelledBy: headingId }, [
    h('h2', { id: headingId }, text.endnotesHeading),
    h(
      'ul',
      { className: ['bibliography'] },
      [...bySource.values()].map((passages) => {
        const { source } = passages[0];
        return h('li', { className: ['endnote-source'] }, [
          ...sourceLine(source, locale),
          // Without a recorded original address the line ends at the date: the source page says why.
          ...(source.url ? [{ type: 'text' as const, value: `. ${text.endnoteOriginal} ` }, h('a', { href: source.url, className: ['endnote-url'], rel: 'external noreferrer' }, source.url)] : []),
          { type: 'text', value: '.' },
          h(
            'ol',
            { className: ['endnote-passages'] },
            passages.map((note) =>
              h('li', { id: note.id, value: note.number }, [
                h('q', nestQuotes(note.quote)),
                ...speakerLine(note, 'endnote-speaker', locale),
                { type: 'text', value: ' — ' },
                h('a', { href: archiveHref(base, note.source.id, note.paragraph) }, format(text.archivedParagraph, { paragraph: note.paragraph.slice(1) })),
                { type: 'text', value: '. ' },
                h(
                  'span',
                  { className: ['endnote-backlinks'] },
                  note.backlinks.flatMap(({ claimAnchor }, i) => [
                    h(
                      'a',
                      { href: `#${claimAnchor}`, role: 'doc-backlink', ariaLabel: format(text.backlinkLabel, { claim: i + 1, number: note.number }) },
                      `↑${note.backlinks.length > 1 ? i + 1 : ''}`,
                    ),
                    { type: 'text', value: ' ' },
                  ]),
                ),
              ]),
            ),
          ),
        ]);
      }),
    ),
  ]);
}
