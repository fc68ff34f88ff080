import type { Element, ElementContent } from 'hast';
import { citeField, fieldLocation, noteField } from '../citations/cited-field.ts';
import { citeIncidentFacts } from '../citations/incident-facts.ts';
import type { QuoteIndex } from '../citations/locate.ts';
import { endnotes } from '../citations/render.ts';
import { createPageResolver, type PageResolver, staleException } from '../citations/resolve.ts';
import type { RuleContext } from '../citations/rules.ts';
import type { Locale } from '../i18n/locale.ts';
import { fieldPosition } from '../lib/field-position.ts';
import type { Actor } from '../schemas/actor.ts';
import type { CitationException } from '../schemas/exception.ts';
import type { GlossaryEntry } from '../schemas/glossary.ts';
import type { Incident } from '../schemas/incident.ts';
import type { PageCitation, PageNote } from '../schemas/ledger.ts';
import type { ContentFile } from './cross-references.ts';

/**
 * The cited data fields of the content model, rendered once per build for every page that shows
 * them: an actor's role and description, glossary explanations and notes, incident summaries and
 * facts boxes. Each page gets its own resolver, so markers, endnotes and anchors are numbered per
 * page; the pages that own a field (an actor's own page, the glossary, the incidents timeline, an
 * incident's facts box) also hand their records to the ledger.
 */

export interface CitedFieldContext {
  index: QuoteIndex;
  base: string;
  /** The site's words and date formats (the "Sources" heading, markers, previews). */
  locale?: Locale;
  speakerName: (slug: string) => string;
  /** What the faithfulness rules know (citations/archive-index.ts loadRuleContext). */
  rules?: RuleContext;
}

/** One page's rendered fields, its "Sources" list and what it adds to the ledger. */
export interface CitedFieldsPage {
  fields: Map<string, ElementContent[]>;
  /** The page's "Sources" list; none for an incident's facts box, whose notes the story's list holds. */
  endnotes: Element | undefined;
  citations: PageCitation[];
  notes: PageNote[];
}

/** What every cited file's data may hold: its reviewed exceptions (schemas/exception.ts). */
type WithExceptions = { exceptions?: readonly CitationException[] };

interface FieldSpec {
  /** Key the page looks the rendered field up by: "<entry id>/<field>". */
  key: string;
  entry: ContentFile<WithExceptions>;
  field: string;
  value: string | undefined;
  kind: 'cited' | 'label' | 'note';
  anchorPrefix?: string;
}

function renderPage(document: string, specs: readonly FieldSpec[], context: CitedFieldContext, used: Set<CitationException>): CitedFieldsPage {
  const first = specs[0]?.entry.file ?? document;
  const resolver: PageResolver = createPageResolver({
    file: first,
    document,
    index: context.index,
    speakerName: context.speakerName,
    rules: context.rules,
  });
  const fields = new Map<string, ElementContent[]>();
  const notes: PageNote[] = [];
  for (const spec of specs) {
    if (spec.value === undefined) continue;
    const where = fieldLocation(spec.entry.file, spec.entry.text, spec.field);
    if (spec.kind === 'note') {
      fields.set(spec.key, noteField(spec.value, where));
      notes.push({ text: spec.value });
    } else {
      const options = { resolver, base: context.base, locale: context.locale, where, anchorPrefix: spec.anchorPrefix, label: spec.kind === 'label', exceptions: spec.entry.data.exceptions };
      fields.set(spec.key, citeField(spec.value, options));
    }
  }
  for (const exception of resolver.usedExceptions) used.add(exception);
  return {
    fields,
    endnotes: resolver.notes.length > 0 ? endnotes(resolver.notes, context.base, context.locale) : undefined,
    citations: resolver.records,
    notes,
  };
}

export interface CitedFields {
  /** By actor slug: its own page (role, description). */
  actorPages: Map<string, CitedFieldsPage>;
  /** The actors index: every actor's role, anchors prefixed by its slug. */
  actorsIndex: CitedFieldsPage;
  glossary: CitedFieldsPage;
  /** The incidents timeline: every incident's summary. */
  incidentsIndex: CitedFieldsPage;
  /** By incident id: its facts box (when, where). */
  incidentFacts: Map<string, CitedFieldsPage>;
}

export function renderCitedFields(
  model: {
    actors: ReadonlyArray<ContentFile<Actor>>;
    glossary: ReadonlyArray<ContentFile<GlossaryEntry>>;
    incidents: ReadonlyArray<ContentFile<Incident>>;
  },
  context: CitedFieldContext,
): CitedFields {
  const cited = (entry: ContentFile<WithExceptions>, field: string, value: string | undefined, anchorPrefix?: string): FieldSpec => ({
    key: `${entry.id}/${field}`,
    entry,
    field,
    value,
    kind: 'cited',
    anchorPrefix,
  });
  const label = (entry: ContentFile<WithExceptions>, field: string, value: string, anchorPrefix?: string): FieldSpec => ({ ...cited(entry, field, value, anchorPrefix), kind: 'label' });
  const note = (entry: ContentFile<WithExceptions>, field: string, value: string | undefined): FieldSpec => ({ key: `${entry.id}/${field}`, entry, field, value, kind: 'note' });
  const used = new Set<CitationException>();
  const fields: CitedFields = {
    actorPages: new Map(
      model.actors.map((actor) => [actor.id, renderPage(`actors/${actor.id}`, [label(actor, 'role', actor.data.role), cited(actor, 'description', actor.data.description)], context, used)]),
    ),
    actorsIndex: renderPage(
      'actors',
      model.actors.map((actor) => label(actor, 'role', actor.data.role, `${actor.id}-`)),
      context,
      used,
    ),
    glossary: renderPage(
      'glossary',
      model.glossary.flatMap((entry) => [cited(entry, 'explanation', entry.data.explanation, `${entry.id}-`), note(entry, 'note', entry.data.note)]),
      context,
      used,
    ),
    incidentsIndex: renderPage(
      'incidents',
      model.incidents.map((incident) => cited(incident, 'summary', incident.data.summary, `${incident.id}-`)),
      context,
      used,
    ),
    incidentFacts: new Map(model.incidents.map((incident) => [incident.id, renderFacts(incident, context, used)])),
  };
  assertExceptionsUsed<WithExceptions>([...model.actors, ...model.glossary], used);
  // An incident's exceptions for quotes its MDX body cites are checked with the body (cite-page.ts).
  assertExceptionsUsed(model.incidents, used, (incident, exception) => [incident.data.summary, incident.data.when, incident.data.where].some((value) => value?.includes(exception.quote)));
  return fields;
}

/**
 * An incident's facts box, resolved as its page's Markdown plugin resolves it before the story
 * (citations/incident-facts.ts): its markers carry the page's first note numbers and link to the
 * page's one "Sources" list, which the story's endnotes write, so the box has no list of its own.
 * Its records keep their own document ("incidents/<id>/facts"); the plugin leaves them out of the story's.
 */
function renderFacts(incident: ContentFile<Incident>, context: CitedFieldContext, used: Set<CitationException>): CitedFieldsPage {
  const resolver = createPageResolver({
    file: incident.file,
    document: `incidents/${incident.id}/facts`,
    index: context.index,
    speakerName: context.speakerName,
    rules: context.rules,
  });
  const cited = citeIncidentFacts(incident.data, incident, { resolver, base: context.base, locale: context.locale, exceptions: incident.data.exceptions });
  const fields = new Map([...cited].map(([field, nodes]) => [`${incident.id}/${field}`, nodes]));
  const notes: PageNote[] = [];
  if (incident.data.whereNote !== undefined) {
    fields.set(`${incident.id}/whereNote`, noteField(incident.data.whereNote, fieldLocation(incident.file, incident.text, 'whereNote')));
    notes.push({ text: incident.data.whereNote });
  }
  for (const exception of resolver.usedExceptions) used.add(exception);
  return { fields, endnotes: undefined, citations: resolver.records, notes };
}

/** A data file's exception that lifted nothing on any page its fields are shown on is stale: it fails the build at its line. */
function assertExceptionsUsed<T extends WithExceptions>(
  entries: ReadonlyArray<ContentFile<T>>,
  used: ReadonlySet<CitationException>,
  isFieldException: (entry: ContentFile<T>, exception: CitationException) => boolean = () => true,
): void {
  for (const entry of entries) {
    const index = (entry.data.exceptions ?? []).findIndex((exception) => isFieldException(entry, exception) && !used.has(exception));
    if (index === -1) continue;
    const where = fieldPosition(entry.text, ['exceptions', index, 'quote']);
    throw staleException(entry.data.exceptions![index], { file: entry.file, ...where });
  }
}
