import { z } from 'zod';
import { isoDate, slug } from './common.ts';

/** An article's address: only http(s), so that no `javascript:` or `data:` URL becomes a link. */
export const webUrl = z.url({ protocol: /^https?$/, error: 'only http:// and https:// addresses are accepted' });

/** One record of a provenance file (content/raw/provenance.json): the facts ingest starts from. */
export const provenanceRecordSchema = z.object({
  file: z.string().min(1),
  id: slug,
  /** The publication's name as a bibliography prints it ("BBC News"): no commentary. */
  publisher: z.string().min(1),
  /** What we know about the publisher and this copy (site, re-post, rewording), kept out of the name. */
  publisher_note: z.string().min(1).nullable().default(null),
  /** The publication's section the article appeared in, when known. */
  section: z.string().min(1).nullable().default(null),
  headline: z.string().min(1),
  author: z.string().min(1),
  published: z.object({
    date: isoDate,
    time: z.string().nullable(),
    timezone: z.string().nullable(),
    estimate: z.boolean(),
    basis: z.string().nullable(),
  }),
  url: webUrl.nullable(),
  url_confidence: z.string().min(1),
  republished_from: z.string().nullable(),
  /** True when this copy rewords the text it republishes (its wording is not the original's). */
  reworded: z.boolean().default(false),
  evidence: z.string().nullable().default(null),
  boilerplate_lines: z.array(z.string()).default([]),
  encoding_issues: z.array(z.string()).default([]),
  /** Our own fields, added when ingest keeps a copy of the record in content/raw/provenance.json: */
  /** the day the article was archived, so that re-running ingest is byte-identical; */
  archived: isoDate.optional(),
  /** the standfirst line, which cannot be told from a paragraph by its form alone. */
  standfirst: z.string().nullable().optional(),
});

/** Each raw file and each source id has exactly one record: a second would be ignored silently. */
export const provenanceFileSchema = z
  .array(
    provenanceRecordSchema.refine((record) => !record.reworded || record.republished_from !== null, {
      path: ['reworded'],
      message: 'a reworded copy must say what it rewords in "republished_from"',
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
