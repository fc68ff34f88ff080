import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { builtSite, listPages, readPage } from '../../helpers/site.ts';

/**
 * An incident page's facts box and story share one "Sources" list (citations/incident-facts.ts):
 * its markers count 1, 2, 3… in the order a reader meets them, with no letters and no gaps, and each
 * marker opens a preview whose note links land on a note of that one list.
 */

const classes = (el: Element) => (el.properties.className as string[] | undefined) ?? [];

/** "1, 4" → [1, 4]; "3–5" → [3, 4, 5]; anything else (a letter) → NaN, which no check accepts. */
function markerNumbers(label: string): number[] {
  return label.split(/,\s*/).flatMap((part) => {
    const [from, to = from] = part.split('–').map((n) => (/^\d+$/.test(n.trim()) ? Number(n) : Number.NaN));
    return Number.isNaN(from) || Number.isNaN(to) ? [Number.NaN] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/** What is wrong with one page's notes: numbering, targets, lists. */
function noteProblems(html: string): string[] {
  const tree = fromHtml(html);
  const ids = new Set<string>();
  const markers: Array<{ label: string; preview: string }> = [];
  const noteLinks: string[] = [];
  let lists = 0;
  visit(tree, 'element', (el: Element) => {
    if (el.properties.id) ids.add(String(el.properties.id));
    if (classes(el).includes('cite-marker')) markers.push({ label: textOf(el), preview: String(el.properties.popoverTarget ?? '') });
    if (el.properties.role === 'doc-noteref') noteLinks.push(String(el.properties.href));
    if (el.properties.role === 'doc-endnotes') lists++;
  });
  const problems: string[] = [];
  if (lists !== 1) problems.push(`${lists} lists of sources`);
  let highest = 0;
  for (const { label, preview } of markers) {
    for (const n of markerNumbers(label)) {
      if (!(n <= highest + 1)) problems.push(`marker "${label}" after note ${highest}`);
      else highest = Math.max(highest, n);
    }
    if (!ids.has(preview)) problems.push(`marker "${label}" opens a missing preview #${preview}`);
  }
  for (const href of noteLinks) if (!href.startsWith('#') || !ids.has(href.slice(1))) problems.push(`a note link to a missing ${href}`);
  const notes = [...ids].filter((id) => /^note-\d+$/.test(id)).length;
  if (notes !== highest) problems.push(`${notes} notes, markers count to ${highest}`);
  return problems;
}

describe('incident pages number their notes in one sequence', () => {
  it('finds letters, gaps, a missing note and a second list (the check can fail)', () => {
    const page = (markers: string, notes: string, lists = 1) => `<main>${markers}${`<section role="doc-endnotes"><ol>${notes}</ol></section>`.repeat(lists)}</main>`;
    const marker = (label: string, note: string) =>
      `<button class="cite-marker" popovertarget="preview-${label}">${label}</button><span id="preview-${label}"><a role="doc-noteref" href="#${note}">n</a></span>`;
    const notes = (...n: number[]) => n.map((i) => `<li id="note-${i}"></li>`).join('');
    expect(noteProblems(page(marker('1', 'note-1') + marker('2–3', 'note-3'), notes(1, 2, 3)))).toEqual([]);
    expect(noteProblems(page(marker('a', 'facts-note-1') + marker('1', 'note-1'), notes(1)))).toEqual(['marker "a" after note 0', 'a note link to a missing #facts-note-1']);
    expect(noteProblems(page(marker('1', 'note-1') + marker('3', 'note-3'), notes(1, 3)))).toEqual(['marker "3" after note 1', '2 notes, markers count to 1']);
    expect(noteProblems(page(marker('1', 'note-1'), notes(1), 2))).toEqual(['2 lists of sources']);
  });

  it('on every incident page of the real site', () => {
    const { outDir } = builtSite();
    const incidents = listPages(outDir).filter((path) => /^\/incidents\/[^/]+\/$/.test(path));
    expect(incidents.length).toBeGreaterThan(3);
    const problems = incidents.flatMap((path) => noteProblems(readPage(outDir, path)).map((problem) => `${path}: ${problem}`));
    expect(problems).toEqual([]);
  });
});
