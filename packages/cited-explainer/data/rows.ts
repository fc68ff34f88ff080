import { plainField } from '../citations/cited-field.ts';
import type { CitationRow, GlossaryRow, IncidentRow } from '../schemas/data.ts';
import type { GlossaryEntry } from '../schemas/glossary.ts';
import type { Incident } from '../schemas/incident.ts';
import type { LedgerEntry } from '../schemas/ledger.ts';

/** The download rows (schemas/data.ts) from the content model, names resolved from slugs. */

export function incidentRow(incident: { id: string; url: string; data: Incident }, nameOf: { place: (slug: string) => string; party: (slug: string) => string }): IncidentRow {
  const { data } = incident;
  return {
    id: incident.id,
    title: data.title,
    start: data.start.value,
    end: data.end?.value ?? '',
    continuing: data.continuing,
    places: data.places.map(nameOf.place),
    parties: data.parties.map(nameOf.party),
    summary: plainField(data.summary),
    url: incident.url,
  };
}

export function glossaryRow(entry: { id: string; data: GlossaryEntry }, url: string): GlossaryRow {
  const { kind, name, altNames, explanation, note } = entry.data;
  return { slug: entry.id, kind, name, altNames, explanation: explanation ? plainField(explanation) : '', note: note ?? '', url };
}

export function citationRow(entry: LedgerEntry): CitationRow {
  const { id, page, anchor, claim, source, speaker, quote, paragraph, start, end } = entry;
  return { id, page, anchor, claim, source, speaker: speaker ?? '', quote, paragraph, start, end };
}
