import { z } from 'zod';
import { evidenceSchema } from './evidence.ts';

/** One glossary entry: content/glossary/<slug>.yaml; the slug is the anchor, /glossary/#<slug>. */
export const glossarySchema = z
  .strictObject({
    kind: z.enum(['term', 'place']),
    /** The spelling the pages use. */
    name: z.string().min(1),
    /** Other spellings and names: they appear on first mention and feed search. */
    altNames: z.array(z.string().min(1)).default([]),
    /** A short explanation in plain English. */
    explanation: z.string().min(1),
    /** True when the explanation is our own wording rather than drawn from the sources. */
    editorial: z.boolean().default(false),
    /** Passages the explanation rests on; required unless it is editorial. */
    evidence: z.array(evidenceSchema).default([]),
  })
  .refine((entry) => entry.editorial || entry.evidence.length > 0, {
    message: 'cite at least one passage in "evidence", or mark the explanation as our own wording with "editorial: true"',
    path: ['evidence'],
  });

export type GlossaryEntry = z.infer<typeof glossarySchema>;
