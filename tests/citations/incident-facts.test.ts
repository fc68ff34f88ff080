import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { renderCitedFields } from '../../packages/cited-explainer/content-model/cited-fields.ts';
import { incidentSchema } from '../../packages/cited-explainer/schemas/incident.ts';
import type { PageCitation } from '../../packages/cited-explainer/schemas/ledger.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { processors, renderPage } from './citation-processors.ts';

/**
 * An incident page has one list of sources: its facts box's markers take the first numbers, its
 * story's continue from there, and a passage both cite has one note (citations/incident-facts.ts).
 */

const index = new QuoteIndex([
  archivedSource('river-report', ['Two bridges were closed on Monday.', 'The council said the water was stable.']),
  archivedSource('river-later', ['Both bridges reopened on Tuesday.', 'The river runs through Oldtown.']),
]);

const frontmatterText = `title: Flood in Oldtown
summary: "Two bridges were closed.[@river-report: Two bridges were closed]"
when: "Monday.[@river-report: closed on Monday]"
where: "Oldtown.[@river-later: The river runs through Oldtown.]"
start: 2022-03-21
places: [oldtown]
updated: 2026-12-06
`;
const body = [
  '## What happened',
  '',
  'The council said the water was stable.[@river-report (council): the water was stable]',
  '',
  'Both bridges reopened on Tuesday, after a closure on Monday.[@river-later: Both bridges reopened on Tuesday.][@river-report: closed on Monday]',
].join('\n');

/** The incident written to a content folder, as the build reads it: the facts' lines are read from the file. */
function incident() {
  const contentDir = tempDir('incident-facts-');
  mkdirSync(join(contentDir, 'incidents'));
  const path = join(contentDir, 'incidents', '2022-03-21-flood.mdx');
  const text = `---\n${frontmatterText}---\n\n${body}\n`;
  writeFileSync(path, text);
  return { contentDir, path, text, frontmatter: parse(frontmatterText) as Record<string, unknown> };
}

const markers = (html: string) => [...html.matchAll(/class="cite-marker"[^>]*>([^<]*)</g)].map((m) => m[1]);

describe.each(processors)('an incident through %s', (processor) => {
  it("numbers the facts box's notes first and the story's after them, in one Sources list, and records the story's citations only", () => {
    const { contentDir, path, frontmatter } = incident();
    // The body as the processors see it: the front matter is read separately (lines kept blank, as Astro does).
    const { html, frontmatter: after } = renderPage(processor, { path, text: `${'\n'.repeat(frontmatterText.split('\n').length + 2)}${body}`, contentDir, index, frontmatter });
    // Facts: when → 1, where → 2. Story: the council's passage 3, then river-later's new passage 4 and the facts' passage 1 again.
    expect(markers(html)).toEqual(['3', '1, 4']);
    expect(html.match(/role="doc-endnotes"/g)).toHaveLength(1);
    expect([...html.matchAll(/<li id="note-(\d+)" value="(\d+)">/g)].map((m) => [m[1], m[2]]).sort()).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
      ['4', '4'],
    ]);
    // The facts' notes link back to the facts box's claims, which the facts box renders with these anchors.
    expect(html).toContain('href="#claim-when-monday" role="doc-backlink"');
    expect(html).toContain('href="#claim-where-oldtown" role="doc-backlink"');
    const citations = after.citations as PageCitation[];
    expect(citations.map((c) => [c.anchor, c.note])).toEqual([
      ['claim-the-council-said-the-water-was', 3],
      ['claim-both-bridges-reopened-on-tuesday-after', 4],
      ['claim-both-bridges-reopened-on-tuesday-after', 1],
    ]);
  });
});

describe("the facts box's own rendering", () => {
  it('carries the numbers the page gives its facts, links them to the page’s notes, and has no list of its own', () => {
    const { path, text } = incident();
    const data = incidentSchema.parse(parse(frontmatterText));
    const fields = renderCitedFields({ actors: [], glossary: [], incidents: [{ id: '2022-03-21-flood', file: path, text, data }] }, { index, base: '/', speakerName: (slug) => slug });
    const facts = fields.incidentFacts.get('2022-03-21-flood')!;
    const html = (key: string) => toHtml({ type: 'element', tagName: 'p', properties: {}, children: facts.fields.get(key)! as ElementContent[] } as Element);
    expect(markers(html('2022-03-21-flood/when'))).toEqual(['1']);
    expect(markers(html('2022-03-21-flood/where'))).toEqual(['2']);
    expect(html('2022-03-21-flood/where')).toContain('href="#note-2" role="doc-noteref"');
    expect(facts.endnotes).toBeUndefined();
    // The ledger records the facts under the facts box's document, once.
    expect(facts.citations.map((c) => [c.id, c.note])).toEqual([
      ['incidents/2022-03-21-flood/facts/claim-when-monday/1', 1],
      ['incidents/2022-03-21-flood/facts/claim-where-oldtown/1', 2],
    ]);
  });
});
