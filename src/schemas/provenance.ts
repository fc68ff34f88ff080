import { z } from 'zod';
import { isoDate, slug } from './common.ts';

/** One record of a provenance file (content/raw/provenance.json): the facts ingest starts from. */
export const provenanceRecordSchema = z.object({
  file: z.string().min(1),
  id: slug,
  publisher: z.string().min(1),
  headline: z.string().min(1),
  author: z.string().min(1),
  published: z.object({
    date: isoDate,
    time: z.string().nullable(),
    timezone: z.string().nullable(),
    estimate: z.boolean(),
    basis: z.string().nullable(),
  }),
  url: z.url().nullable(),
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

export const provenanceFileSchema = z.array(
  provenanceRecordSchema.refine((record) => !record.reworded || record.republished_from !== null, {
    path: ['reworded'],
    message: 'a reworded copy must say what it rewords in "republished_from"',
  }),
);
export type ProvenanceRecord = z.infer<typeof provenanceRecordSchema>;
