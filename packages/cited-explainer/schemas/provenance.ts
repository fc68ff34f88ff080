import { z } from 'zod';
import { isoDate, slug } from './common.ts';
import { httpUrl } from './site.ts';
import { sourceTypeSchema } from './source-type.ts';
import { text } from './text.ts';

/** A file name in the provenance file's folder: no path, so nothing outside it can be named. */
const fileName = z
  .string()
  .regex(/^(?!\.\.?$)[^/\\]+$/, 'must be a file name in the same folder, without a path')
  .pipe(text({ max: 255 }));
const note = text({ max: 10_000 });

/**
 * How sure the address is, by how it was found: with an address, "as published" (printed on the
 * page), "found in an archived copy" (of the original page) or "inferred"; without one, "unknown"
 * or "none" (no online copy was used). Each may go on with an explanation: "none: transcribed from
 * the printed copy", "found in an archived copy of the original page".
 */
export const urlConfidenceKinds = { withUrl: ['as published', 'found in an archived copy', 'inferred'], withoutUrl: ['unknown', 'none'] } as const;
const kindOf = (value: string) => [...urlConfidenceKinds.withUrl, ...urlConfidenceKinds.withoutUrl].find((kind) => value === kind || value.startsWith(`${kind}:`) || value.startsWith(`${kind} `));
const listed = (kinds: readonly string[]) => kinds.map((kind) => `"${kind}"`).join(', ');
const urlConfidence = note.refine((value) => kindOf(value) !== undefined, {
  message: `must start with one of ${listed([...urlConfidenceKinds.withUrl, ...urlConfidenceKinds.withoutUrl])} (then, if you like, ": " and how you know)`,
});

/** One record of a provenance file (content/raw/provenance.json): the facts ingest starts from. */
export const provenanceRecordSchema = z.object({
  file: fileName,
  id: slug,
  /**
   * The publication's name as a bibliography prints it ("BBC News"): no commentary. For a stand-alone
   * document (`type` book, report, legal-document) its publisher; for a speech, where it was delivered.
   */
  publisher: text({ max: 200 }),
  /** What we know about the publisher and this copy (site, re-post, rewording), kept out of the name. */
  publisher_note: note.nullable().default(null),
  /** The publication's section the article appeared in, when known. */
  section: text({ max: 200 }).nullable().default(null),
  headline: text({ max: 500 }),
  /** What kind of document it is (a speech, a book…); left out, a newspaper article. */
  type: sourceTypeSchema.optional(),
  author: text({ max: 1000 }),
  published: z.object({
    date: isoDate,
    time: text({ max: 100 }).nullable(),
    timezone: note.nullable(),
    estimate: z.boolean(),
    basis: note.nullable(),
  }),
  /** An article's address: only http(s), so that no `javascript:` or `data:` URL becomes a link. */
  url: httpUrl.nullable(),
  url_confidence: urlConfidence,
  republished_from: note.nullable(),
  /** True when this copy rewords the text it republishes (its wording is not the original's). */
  reworded: z.boolean().default(false),
  evidence: note.nullable().default(null),
  /** Lines as the raw file has them (outer spaces included), matched exactly. */
  boilerplate_lines: z.array(z.string()).default([]),
  encoding_issues: z.array(note).default([]),
  /** Our own fields, added when ingest keeps a copy of the record in content/raw/provenance.json: */
  /** the day the article was archived, so that re-running ingest is byte-identical; */
  archived: isoDate.optional(),
  /** the standfirst line, which cannot be told from a paragraph by its form alone. */
  standfirst: note.nullable().optional(),
});

/** Each raw file and each source id has exactly one record: a second would be ignored silently. */
export const provenanceFileSchema = z
  .array(
    provenanceRecordSchema
      .refine((record) => !record.reworded || record.republished_from !== null, {
        path: ['reworded'],
        message: 'a reworded copy must say what it rewords in "republished_from"',
      })
      .superRefine((record, context) => {
        const [kinds, other] = record.url === null ? [urlConfidenceKinds.withoutUrl, 'no "url"'] : [urlConfidenceKinds.withUrl, 'a "url"'];
        const kind = kindOf(record.url_confidence);
        if (kind && !(kinds as readonly string[]).includes(kind)) {
          context.addIssue({ code: 'custom', path: ['url_confidence'], message: `"${kind}" does not fit a record with ${other}: use one of ${listed(kinds)}` });
        }
      }),
  )
  .superRefine((records, context) => {
    for (const key of ['file', 'id'] as const) {
      records.forEach((record, i) => {
        const first = records.findIndex((other) => other[key] === record[key]);
        if (first < i) {
          context.addIssue({ code: 'custom', path: [i, key], message: `records ${first} and ${i} both have ${key} "${record[key]}": keep one record per ${key}` });
        }
      });
    }
  });
export type ProvenanceRecord = z.infer<typeof provenanceRecordSchema>;

/** A provenance file that does not parse or fails its schema; `path` leads to the field (for its line). */
export class ProvenanceError extends Error {
  readonly path: ReadonlyArray<PropertyKey>;

  constructor(message: string, path: ReadonlyArray<PropertyKey> = []) {
    super(message);
    this.path = path;
  }
}

/** Parses a provenance file's text; throws a one-line ProvenanceError naming the bad record and field. */
export function parseProvenance(text: string): ProvenanceRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ProvenanceError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new ProvenanceError('expected an array of records');
  const parsed = provenanceFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProvenanceError(`record ${issue.path.join('.')}: ${issue.message}`, issue.path);
  }
  return parsed.data;
}
