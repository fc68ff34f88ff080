import { z } from 'zod';
import { slug } from './common.ts';
import { evidenceSchema } from './evidence.ts';

export const actorKinds = ['state', 'ministry', 'armed-forces', 'de-facto-authority', 'international-body', 'person'] as const;

/** One actor: content/actors/<slug>.yaml; the file name is the slug used in citations and front matter. */
export const actorSchema = z.strictObject({
  kind: z.enum(actorKinds),
  /** The name as international English-language reporting most often writes it. */
  name: z.string().min(1),
  /** Other spellings and names, for search and for "also known as". */
  altNames: z.array(z.string().min(1)).default([]),
  /** The actor this one belongs to (a ministry's state, a minister's ministry), as a slug. */
  affiliation: slug.optional(),
  /** Role during the period the sources cover, in the past tense. */
  role: z.string().min(1),
  /** One or two sentences, in the past tense. */
  description: z.string().min(1),
  /** Passages supporting the role and description. Without any, the description is marked as our own wording. */
  evidence: z.array(evidenceSchema).default([]),
});

export type Actor = z.infer<typeof actorSchema>;
export type ActorKind = Actor['kind'];
