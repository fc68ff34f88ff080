import type { Ledger, LedgerEntry } from '../schemas/ledger.ts';
import type { Dated } from './timeline.ts';
import { sortTimeline } from './timeline.ts';

/**
 * Queries over the claim ledger by speaker: "what did Russia's Defence Ministry say" is answered
 * from the citations that name their speaker, never from a second, hand-kept list.
 */

export interface Statement {
  /** URL path of the page holding the claim. */
  page: string;
  anchor: string;
  claim: string;
  /** The citations of this claim that name the speaker, in the order written. */
  citations: LedgerEntry[];
}

/** Claims citing a passage spoken by `speaker`, one per claim, in ledger order (pages by URL, then by position). */
export function statementsBy(ledger: Ledger, speaker: string): Statement[] {
  const byClaim = new Map<string, Statement>();
  for (const entry of ledger.citations) {
    if (entry.speaker === null || entry.speaker !== speaker) continue;
    const key = `${entry.page}#${entry.anchor}`;
    const statement = byClaim.get(key) ?? { page: entry.page, anchor: entry.anchor, claim: entry.claim, citations: [] };
    statement.citations.push(entry);
    byClaim.set(key, statement);
  }
  return [...byClaim.values()];
}

/** Groups statements by page, keeping the first-seen order of pages. */
export function groupByPage(statements: readonly Statement[]): Array<{ page: string; statements: Statement[] }> {
  const groups = new Map<string, Statement[]>();
  for (const statement of statements) groups.set(statement.page, [...(groups.get(statement.page) ?? []), statement]);
  return [...groups].map(([page, list]) => ({ page, statements: list }));
}

/** Number of claims each speaker is cited for. */
export function statementCounts(ledger: Ledger): Map<string, number> {
  const claims = new Map<string, Set<string>>();
  for (const entry of ledger.citations) {
    if (!entry.speaker) continue;
    const set = claims.get(entry.speaker) ?? new Set<string>();
    set.add(`${entry.page}#${entry.anchor}`);
    claims.set(entry.speaker, set);
  }
  return new Map([...claims].map(([speaker, set]) => [speaker, set.size]));
}

export interface IncidentRef extends Dated {
  parties: readonly string[];
  /** URL path of the incident page, as the ledger records it. */
  url: string;
}

/** Incidents an actor is a party to or speaks on, in date order. */
export function incidentsInvolving<T extends IncidentRef>(incidents: readonly T[], ledger: Ledger, actor: string): T[] {
  const spokenOn = new Set(ledger.citations.filter((entry) => entry.speaker === actor).map((entry) => entry.page));
  return sortTimeline(incidents.filter((incident) => incident.parties.includes(actor) || spokenOn.has(incident.url)));
}
