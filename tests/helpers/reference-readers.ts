import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import type { CslItem } from '../../packages/cited-explainer/cite/item.ts';

/**
 * The citation exports read back by real clients, as a teacher's reference manager would: pandoc
 * (Debian's 2.17, installed by `npm test` through scripts/ensure-test-deps.sh) for BibTeX and
 * CSL-JSON, citation-js for RIS (pandoc 2.17 has no RIS reader); and the checks that nothing of
 * the CSL-JSON record was lost on the way.
 */

export const pandocMissing = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).error ? 'pandoc is missing: run `sh scripts/ensure-test-deps.sh` (or apt-get install pandoc)' : undefined;

export function pandoc(args: string[], input?: string): string {
  const result = spawnSync('pandoc', args, { encoding: 'utf8', input });
  if (result.status !== 0) throw new Error(`pandoc ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A BibTeX (read as biblatex) or CSL-JSON file as pandoc reads it, as CSL-JSON items. */
export const pandocRead = (file: string, format: 'biblatex' | 'csljson') => JSON.parse(pandoc(['-f', format, '-t', 'csljson', file])) as Array<Record<string, unknown>>;

// pandoc's LaTeX reader prints a straight apostrophe as a typographic one, as LaTeX does.
const typographic = (text: unknown) => (typeof text === 'string' ? text.replace(/'/g, '’') : text);

/** The fields a reference manager needs. */
const essentials = (item: Record<string, unknown>) => ({
  title: item.title,
  'container-title': item['container-title'],
  author: item.author,
  issued: item.issued,
  URL: item.URL,
  accessed: (item.accessed as { 'date-parts': number[][] } | undefined)?.['date-parts'],
  note: item.note,
});

/** pandoc's reading of a BibTeX entry gives back every field of its CSL-JSON twin. */
export function expectBibtexRecord(back: Record<string, unknown>, twin: CslItem): void {
  const { note, title, ...fields } = essentials(twin as unknown as Record<string, unknown>);
  // A web page's site is its `organization` in biblatex (which ignores `journal` there): pandoc reads it as the publisher.
  const read = essentials(twin.type === 'webpage' ? { ...back, 'container-title': back.publisher, publisher: undefined } : back);
  expect({ ...read, note: undefined, title: typographic(read.title) }, twin.id).toEqual({ ...fields, note: undefined, title: typographic(title) });
  // BibTeX has no field for a newspaper's section: it leads the note.
  expect(typographic(read.note), twin.id).toBe(typographic([twin.section && `Section: ${twin.section}`, note].filter(Boolean).join('. ') || undefined));
  expect(back.type, twin.id).toBe(twin.type);
}

/** pandoc's reading of a CSL-JSON item gives it back whole. */
export function expectCslRecord(back: Record<string, unknown>, twin: CslItem): void {
  expect(essentials(back), twin.id).toEqual(essentials(twin as unknown as Record<string, unknown>));
}

/** A RIS file as citation-js reads it, checked record by record against the CSL-JSON twins. */
export function expectRisRecords(ris: string, twins: readonly CslItem[]): void {
  const read = new Cite(ris, { forceType: '@ris/file' }).data as Array<Record<string, unknown>>;
  expect(read).toHaveLength(twins.length);
  const records = ris.split(/^ER {2}- $/m).slice(0, -1);
  for (const [i, twin] of twins.entries()) {
    const back = read[i];
    const news = twin.type === 'article-newspaper';
    // citation-js 0.8 reads a NEWS record's AU as the reporter and its date from PY (the year)
    // only, and an ELEC record's T2 as the collection (Zotero: the website's title): the full date
    // is checked on the record's own DA line.
    expect(back[news ? 'container-title' : 'collection-title'], twin.id).toBe(twin['container-title']);
    expect(back.reporter ?? undefined, twin.id).toBe(news ? twin.author?.[0].literal : undefined);
    expect(records[i], twin.id).toContain(`DA  - ${twin.issued['date-parts'][0].map((n) => String(n).padStart(2, '0')).join('/')}/\n`);
    expect((back.issued as CslItem['issued'])['date-parts'], twin.id).toEqual(news ? [[twin.issued['date-parts'][0][0]]] : twin.issued['date-parts']);
    const { title, URL, accessed, note } = essentials(back);
    const expected = essentials(twin as unknown as Record<string, unknown>);
    expect({ title, URL, accessed, note }, twin.id).toEqual({ title: expected.title, URL: expected.URL, accessed: expected.accessed, note: expected.note });
  }
}
