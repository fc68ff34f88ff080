import type { Ledger, LedgerEntry, LedgerNote, PageCitation, PageNote } from '../schemas/ledger.ts';
import type { SourceMeta } from '../schemas/source.ts';

/** The claim ledger: every citation of the site, and the views built on it. Pure functions. */

export function buildLedger(pages: ReadonlyArray<{ url: string; citations: readonly PageCitation[]; notes?: readonly PageNote[] }>): Ledger {
  const sorted = [...pages].sort((a, b) => a.url.localeCompare(b.url));
  const citations: LedgerEntry[] = sorted.flatMap((page) => page.citations.map((citation) => ({ ...citation, page: page.url })));
  const notes: LedgerNote[] = sorted.flatMap((page) => (page.notes ?? []).map((note) => ({ ...note, page: page.url })));
  return { citations, notes };
}

export interface CitedByGroup {
  page: string;
  claims: Array<{ anchor: string; claim: string; paragraph: string }>;
}

/** The claims citing one source, grouped by page: the source page's "Cited by". */
export function citedBy(ledger: Ledger, sourceId: string): CitedByGroup[] {
  const groups = new Map<string, CitedByGroup>();
  for (const entry of ledger.citations) {
    if (entry.source !== sourceId) continue;
    const group = groups.get(entry.page) ?? { page: entry.page, claims: [] };
    if (!group.claims.some((c) => c.anchor === entry.anchor)) {
      group.claims.push({ anchor: entry.anchor, claim: entry.claim, paragraph: entry.paragraph });
    }
    groups.set(entry.page, group);
  }
  return [...groups.values()];
}

/** First and last publication dates of some sources (the whole archive, say). */
export function publicationSpan(sourceIds: Iterable<string>, sources: ReadonlyMap<string, Pick<SourceMeta, 'published'>>): { from: string; to: string } | undefined {
  const dates = [...new Set(sourceIds)]
    .map((id) => sources.get(id)?.published.date)
    .filter((date): date is string => date !== undefined)
    .sort();
  return dates.length ? { from: dates[0], to: dates.at(-1)! } : undefined;
}

/** First and last publication dates of the sources a set of citations draws on. */
export function reportingSpan(citations: ReadonlyArray<Pick<PageCitation, 'source'>>, sources: ReadonlyMap<string, Pick<SourceMeta, 'published'>>): { from: string; to: string } | undefined {
  return publicationSpan(
    citations.map((c) => c.source),
    sources,
  );
}
