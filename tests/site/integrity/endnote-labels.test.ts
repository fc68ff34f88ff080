import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { english, format } from '../../../packages/cited-explainer/i18n/strings.ts';
import { actorSchema } from '../../../packages/cited-explainer/schemas/actor.ts';
import type { LedgerEntry } from '../../../packages/cited-explainer/schemas/ledger.ts';
import { builtSite, listPages, readPage } from '../../helpers/site.ts';

/**
 * Every "(statement by …)" a reader sees names the speaker of the claim it stands under: in each
 * marker's preview, and in each endnote, for every claim that links to that endnote. One endnote
 * once served several claims and showed the first claim's speaker for all of them.
 */

const classes = (el: Element) => (el.properties.className as string[] | undefined) ?? [];
const find = (root: Element, test: (el: Element) => boolean): Element | undefined => {
  let found: Element | undefined;
  visit(root, 'element', (el: Element) => {
    if (!found && test(el)) found = el;
  });
  return found;
};
const labelIn = (el: Element, className: string) => {
  const label = find(el, (child) => classes(child).includes(className));
  return label ? textOf(label) : null;
};

/** The label a citation's speaker gives it, or null for a passage in no one's voice. */
type ExpectedLabel = (pageCitation: { anchor: string; citationId?: string; note: number }) => string | null | undefined;

/** Each label on a page that is not its claim's: "preview <citation>: …" or "note <n> (claim <anchor>): …". */
function wrongLabels(html: string, expected: ExpectedLabel): string[] {
  const tree = fromHtml(html);
  const wrong: string[] = [];
  visit(tree, 'element', (el: Element) => {
    if (classes(el).includes('cite-passage')) {
      const citationId = String(el.properties.dataCite);
      const note = Number(/#(?:[\w-]*-)?note-(\d+)/.exec(String(find(el, (a) => a.properties.role === 'doc-noteref')?.properties.href))?.[1]);
      const anchor = citationId.split('/').at(-2) ?? '';
      const want = expected({ anchor, citationId, note });
      const shown = labelIn(el, 'cite-preview-speaker');
      if (want !== undefined && shown !== want) wrong.push(`preview ${citationId}: shows ${shown ?? 'no speaker'}, claim has ${want ?? 'no speaker'}`);
    }
    if (el.tagName === 'li' && /^(?:[\w-]*-)?note-\d+$/.test(String(el.properties.id ?? ''))) {
      const note = Number(/(\d+)$/.exec(String(el.properties.id))![1]);
      const shown = labelIn(el, 'endnote-speaker');
      visit(el, 'element', (link: Element) => {
        if (link.properties.role !== 'doc-backlink') return;
        const anchor = String(link.properties.href).slice(1);
        const want = expected({ anchor, note });
        if (want !== undefined && shown !== want) wrong.push(`note ${note} (claim ${anchor}): shows ${shown ?? 'no speaker'}, claim has ${want ?? 'no speaker'}`);
      });
    }
  });
  return wrong;
}

const labelFor = (name: string) => format(english.citations.statementBy, { speaker: name });

describe('endnote and preview labels name each claim’s own speaker', () => {
  it('finds a label that is not its claim’s (the check can fail)', () => {
    const page = `<main><p><span id="claim-a">A said.</span><span class="cite-preview"><span class="cite-passage" data-cite="pages/x/claim-a/1"><q>q</q> <span class="cite-preview-speaker">(statement by B)</span><a href="#note-1" role="doc-noteref">Note 1</a></span></span></p>
      <section role="doc-endnotes"><ol><li id="note-1" value="1"><q>q</q> <span class="endnote-speaker">(statement by B)</span> <a href="#claim-a" role="doc-backlink">↑</a></li></ol></section></main>`;
    expect(wrongLabels(page, () => '(statement by A)')).toEqual([
      'preview pages/x/claim-a/1: shows (statement by B), claim has (statement by A)',
      'note 1 (claim claim-a): shows (statement by B), claim has (statement by A)',
    ]);
    expect(wrongLabels(page, () => '(statement by B)')).toEqual([]);
  });

  it('on every page of the real site, by the ledger', () => {
    const { outDir, contentDir } = builtSite();
    const actors = new Map(
      readdirSync(join(contentDir, 'actors')).map((file) => [
        file.replace(/\.yaml$/, ''),
        // Names as the actor schema reads them (quotes curled), as the pages show them.
        actorSchema.shape.name.parse((parse(readFileSync(join(contentDir, 'actors', file), 'utf8')) as { name: string }).name),
      ]),
    );
    const ledger = (JSON.parse(readFileSync(join(outDir, 'citations.json'), 'utf8')) as { citations: LedgerEntry[] }).citations;
    const label = (entry: LedgerEntry) => (entry.speaker ? labelFor(actors.get(entry.speaker) ?? entry.speaker) : null);
    let checked = 0;
    const wrong = listPages(outDir).flatMap((path) => {
      const onPage = ledger.filter((entry) => entry.page === path);
      const html = readPage(outDir, path);
      return wrongLabels(html, ({ anchor, citationId, note }) => {
        // A claim's citation on this page: by its id in a preview, by its claim and note in an endnote.
        const entry = onPage.find((e) => (citationId ? e.id === citationId : e.anchor === anchor && e.note === note));
        if (entry) checked++;
        return entry ? label(entry) : undefined;
      }).map((problem) => `${path}: ${problem}`);
    });
    expect(wrong).toEqual([]);
    // The ledger's every citation has a preview and an endnote backlink, so each is checked twice.
    expect(checked).toBeGreaterThanOrEqual(ledger.length);
    expect(ledger.filter((e) => e.speaker).length).toBeGreaterThan(50);
  });
});
