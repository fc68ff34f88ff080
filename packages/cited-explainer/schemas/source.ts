import { z } from 'zod';
import { isoDate, slug } from './common.ts';
import { httpUrl } from './site.ts';
import { sourceTypeSchema } from './source-type.ts';

/** Metadata of one archived source: the front matter of content/sources/<id>.md. */
export const sourceMetaSchema = z.strictObject({
  id: slug,
  /** The publication's name as a bibliography prints it ("BBC News"), never with commentary; by `type`, a document's publisher or a speech's place (cite/source-types.ts). */
  publisher: z.string().min(1),
  /** What is known about the publisher and this copy (site, re-post, rewording): shown on the source page and kept in the exports' notes. */
  publisherNote: z.string().min(1).nullable().default(null),
  /** The publication's section, when known. */
  section: z.string().min(1).nullable().default(null),
  headline: z.string().min(1),
  /** The kind of document, when its provenance names one; absent, a newspaper article (sourceTypeOf). */
  type: sourceTypeSchema.optional(),
  author: z.strictObject({
    /** Display name, or null when the article carries no byline. */
    name: z.string().min(1).nullable(),
    /** What is known about the authorship, as the provenance record states it. */
    note: z.string().nullable(),
  }),
  published: z.strictObject({
    date: isoDate,
    time: z.string().nullable(),
    timezone: z.string().nullable(),
    /** True when the date was worked out rather than read from the page. */
    estimate: z.boolean(),
    basis: z.string().nullable(),
  }),
  url: httpUrl.nullable(),
  /** How sure we are of the URL: "unknown", "inferred", "found in an archived copy …". */
  urlConfidence: z.string().min(1),
  republishedFrom: z.string().nullable(),
  /** True when this copy rewords what it republishes: its wording is not the original speaker's. */
  reworded: z.boolean().default(false),
  archived: isoDate,
  /** sha256 (hex) of the archived body, recomputed and compared at every build. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The raw input this archive was made from, relative to the content folder. */
  raw: z.string().min(1),
  notes: z.array(z.string()),
});

export type SourceMeta = z.infer<typeof sourceMetaSchema>;
