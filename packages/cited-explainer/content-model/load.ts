import type { CollectionEntry } from 'astro:content';
import { contentDir } from 'virtual:cited-explainer/config';
import { loadQuoteIndex, loadRuleContext } from '../citations/archive-index.ts';
import { firstMentionErrors } from '../glossary/first-mentions.ts';
import { entriesOf } from '../lib/collection-entries.ts';
import { entryFile, entryText } from '../lib/entry-file.ts';
import { siteConfig, siteLocale } from '../lib/site.ts';
import { getCitingDocuments, incidentUrl } from '../lib/site-data.ts';
import { type CitedFields, renderCitedFields } from './cited-fields.ts';
import { type ContentFile, crossReferenceErrors, throwFirst } from './cross-references.ts';
import { sortTimeline } from './timeline.ts';

/**
 * Astro glue for the content model: reads incidents, actors and the glossary once per build and
 * checks their cross-references and quoted evidence before any page that uses them renders.
 */

export type ActorEntry = CollectionEntry<'actors'>;
export type GlossaryEntryData = CollectionEntry<'glossary'>;
export type IncidentEntry = CollectionEntry<'incidents'>;

export interface ContentModel {
  /** By name. */
  actors: Map<string, ActorEntry>;
  /** By name. */
  glossary: Map<string, GlossaryEntryData>;
  /** In date order. */
  incidents: TimelineIncident[];
}

/** An incident with what the timeline and the actor queries need at hand. */
export interface TimelineIncident {
  id: string;
  url: string;
  start: IncidentEntry['data']['start'];
  end: IncidentEntry['data']['end'];
  parties: string[];
  entry: IncidentEntry;
}

const files = new WeakMap<object, ContentFile<unknown>>();

/** An entry with its file's text, read once per build: the checks and the cited fields both point at its lines. */
function asFile<T extends { id: string; filePath?: string; data: unknown; collection: string }>(entry: T): ContentFile<T['data']> {
  let file = files.get(entry);
  if (!file) {
    file = { id: entry.id, file: entryFile(entry), text: entryText(entry), data: entry.data };
    files.set(entry, file);
  }
  return file as ContentFile<T['data']>;
}

/** Alphabetical, whatever order the files were read in: lists and downloads come out the same at every build. */
const byName = (a: { id: string; data: { name: string } }, b: { id: string; data: { name: string } }) =>
  a.data.name.localeCompare(b.data.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

let model: Promise<ContentModel> | undefined;

export function getContentModel(): Promise<ContentModel> {
  model ??= (async () => {
    const [actors, glossary, incidents, documents] = await Promise.all([entriesOf('actors'), entriesOf('glossary'), entriesOf('incidents'), getCitingDocuments()]);
    throwFirst([
      ...crossReferenceErrors({
        actors: actors.map(asFile),
        glossary: glossary.map(asFile),
        incidents: incidents.map(asFile),
        // A content folder without actors does not use speakers as slugs of the model (a fixture may
        // name speakers freely); once there are actors, every speaker must be one of them.
        documents: actors.length === 0 ? [] : documents,
        actorKinds: siteConfig.actorKinds.map((kind) => kind.id),
      }),
      ...firstMentionErrors(
        glossary,
        incidents.filter((i) => i.filePath).map((i) => ({ file: i.filePath!, places: i.data.places })),
        documents,
      ),
    ]);
    return {
      actors: new Map(actors.sort(byName).map((entry) => [entry.id, entry])),
      glossary: new Map(glossary.sort(byName).map((entry) => [entry.id, entry])),
      incidents: sortTimeline(incidents.map((entry) => ({ id: entry.id, url: incidentUrl(entry), start: entry.data.start, end: entry.data.end, parties: entry.data.parties, entry }))),
    };
  })();
  return model;
}

let citedFields: Promise<CitedFields> | undefined;

/** The model's cited fields, rendered once per build (see cited-fields.ts), in the order the lists show them. */
export function getCitedFields(): Promise<CitedFields> {
  citedFields ??= (async () => {
    const { actors, glossary, incidents } = await getContentModel();
    return renderCitedFields(
      {
        actors: [...actors.values()].map(asFile),
        glossary: [...glossary.values()].map(asFile),
        incidents: incidents.map((incident) => asFile(incident.entry)),
      },
      {
        index: loadQuoteIndex(contentDir),
        base: import.meta.env.BASE_URL,
        locale: siteLocale,
        rules: loadRuleContext(contentDir, siteLocale, loadQuoteIndex(contentDir)),
        speakerName: (slug) => actors.get(slug)?.data.name ?? slug,
      },
    );
  })();
  return citedFields;
}
