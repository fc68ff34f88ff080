import { extname } from 'node:path';
import { closestFirst } from '../citations/similarity.ts';
import { ContentError } from '../lib/content-error.ts';
import { escapeRegExp } from '../lib/regexp.ts';
import type { Actor } from '../schemas/actor.ts';
import type { GlossaryEntry } from '../schemas/glossary.ts';
import type { Incident } from '../schemas/incident.ts';

/**
 * Checks that the content model hangs together: every slug an incident, actor or citation names
 * exists, with the right kind. Pure: the caller reads the files and passes their text, which is
 * only used to point the error at a line.
 */

export interface ContentFile<T> {
  id: string;
  /** Path shown in errors, relative to the project. */
  file: string;
  /** The file's text, to find the line of an offending slug. */
  text: string;
  data: T;
}

/** A document whose citations the checks read: its file and text (to point at a line) and each citation's speaker and source. */
export interface CitingDocument {
  /** Path of the source file, relative to the project, for error messages. */
  file: string;
  text: string;
  citations: ReadonlyArray<{ speaker: string | null; source: string }>;
}

export interface ModelInput {
  actors: ReadonlyArray<ContentFile<Actor>>;
  glossary: ReadonlyArray<ContentFile<GlossaryEntry>>;
  incidents: ReadonlyArray<ContentFile<Incident>>;
  /** Every document whose citations reach the ledger (pages, incidents). */
  documents: readonly CitingDocument[];
  /** The kinds of actor site.json declares ("actorKinds"). */
  actorKinds: readonly string[];
}

/** 1-based line of the first line containing `needle`, if any. */
export function lineOf(text: string, needle: string | RegExp): number | undefined {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => (typeof needle === 'string' ? line.includes(needle) : needle.test(line)));
  return index < 0 ? undefined : index + 1;
}

const slugPattern = (slug: string) => new RegExp(`(^|[^a-z0-9-])${escapeRegExp(slug)}($|[^a-z0-9-])`);

function unknown(what: string, slug: string, known: Iterable<string>): { message: string; hint: string } {
  const closest = closestFirst(slug, known).slice(0, 5);
  return {
    message: `unknown ${what} "${slug}"`,
    hint: closest.length ? `Known ${what}s, closest first: ${closest.join(', ')}` : `There are no ${what}s yet.`,
  };
}

export function crossReferenceErrors(input: ModelInput): ContentError[] {
  const errors: ContentError[] = [];
  const actors = new Map(input.actors.map((a) => [a.id, a]));
  const glossary = new Map(input.glossary.map((g) => [g.id, g]));
  const places = [...glossary.values()].filter((g) => g.data.kind === 'place').map((g) => g.id);

  const kinds = new Set(input.actorKinds);
  for (const actor of input.actors) {
    if (!kinds.has(actor.data.kind)) {
      const { message, hint } = unknown('actor kind', actor.data.kind, kinds);
      errors.push(new ContentError({ file: actor.file, line: lineOf(actor.text, /^kind\s*:/), message, hint: `${hint}\nThe kinds are declared in site.json, "actorKinds".` }));
    }
    const parent = actor.data.affiliation;
    if (parent === undefined) continue;
    const line = lineOf(actor.text, /^affiliation\s*:/);
    if (!actors.has(parent)) {
      errors.push(new ContentError({ file: actor.file, line, ...unknown('actor', parent, actors.keys()) }));
      continue;
    }
    // A loop of affiliations would make "part of" chains endless on the actor pages.
    const seen = new Set([actor.id]);
    for (let at = actors.get(parent); at; at = at.data.affiliation ? actors.get(at.data.affiliation) : undefined) {
      if (seen.has(at.id)) {
        errors.push(new ContentError({ file: actor.file, line, message: `affiliation loops back to "${at.id}"`, hint: 'An actor cannot be part of itself, directly or through others.' }));
        break;
      }
      seen.add(at.id);
    }
  }

  for (const incident of input.incidents) {
    const { data, file, text, id } = incident;
    const expected = `${data.start.value}-`;
    const rest = id.slice(expected.length);
    // A month-only start followed by "-01-…" would put a day in the URL that the sources never gave.
    const inventsDay = data.start.precision === 'month' && /^\d{2}(-|$)/.test(rest);
    if (!id.startsWith(expected) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rest) || inventsDay) {
      errors.push(
        new ContentError({
          file,
          line: lineOf(text, /^start\s*:/),
          message: `the file name must start with the start date, "${data.start.value}", followed by a slug`,
          hint: `Rename the file to ${expected}<words-joined-by-hyphens>${extname(file) || '.md'}: the name becomes the stable URL /incidents/${expected}…/.${data.start.precision === 'month' ? ' The sources give only the month, so the name gives no day.' : ''}`,
        }),
      );
    }
    if (data.end && data.end.value.localeCompare(data.start.value) < 0) {
      errors.push(new ContentError({ file, line: lineOf(text, /^end\s*:/), message: `end ${data.end.value} is before start ${data.start.value}` }));
    }
    for (const party of data.parties) {
      if (!actors.has(party)) errors.push(new ContentError({ file, line: lineOf(text, slugPattern(party)), ...unknown('actor', party, actors.keys()) }));
    }
    for (const place of data.places) {
      const entry = glossary.get(place);
      const line = lineOf(text, slugPattern(place));
      if (!entry) errors.push(new ContentError({ file, line, ...unknown('place', place, places) }));
      else if (entry.data.kind !== 'place') {
        errors.push(new ContentError({ file, line, message: `"${place}" is a glossary term, not a place`, hint: `Give it kind: place in ${entry.file}, or list it elsewhere.` }));
      }
    }
  }

  for (const document of input.documents) {
    for (const speaker of new Set(document.citations.map((c) => c.speaker).filter((s): s is string => s !== null))) {
      if (actors.has(speaker)) continue;
      const line = lineOf(document.text, new RegExp(`\\[@[^\\]]*\\(\\s*${escapeRegExp(speaker)}\\s*\\)`));
      const { message, hint } = unknown('actor', speaker, actors.keys());
      errors.push(
        new ContentError({
          file: document.file,
          line,
          message: `citation names ${message.replace('unknown actor', 'an unknown speaker')}`,
          hint: `${hint}\nA speaker is an actor slug: the name of a file in the actors folder.`,
        }),
      );
    }
  }
  return errors;
}

/** The message of a ContentError without its "file:line:column: " prefix and hint. */
function bareMessage(error: ContentError): string {
  const where = [error.file, error.line, error.line === undefined ? undefined : error.column].filter((p) => p !== undefined).join(':');
  return error.message.split('\n')[0].slice(where.length + 2);
}

/** Throws the first error, noting how many more there are, so the build names one file to fix first. */
export function throwFirst(errors: readonly ContentError[]): void {
  if (errors.length === 0) return;
  const [first] = errors;
  if (errors.length === 1) throw first;
  const more = errors.slice(1, 4).map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${bareMessage(e)}`);
  throw new ContentError({
    file: first.file,
    line: first.line,
    column: first.column,
    message: bareMessage(first),
    hint: [first.suggestion, `…and ${errors.length - 1} more: ${more.join('; ')}${errors.length > 4 ? '; …' : ''}`].filter(Boolean).join('\n'),
  });
}
