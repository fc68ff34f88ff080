import { z } from 'zod';
import { slug } from './common.ts';

/**
 * A passage of an archived source backing a data field (an actor's role, a glossary explanation).
 * Data files are not MDX, so they cannot use the inline citation syntax; the build locates each
 * passage in the archive exactly as it does for inline citations and fails when it is missing.
 */
export const evidenceSchema = z.strictObject({
  source: slug,
  quote: z.string().min(1),
});

export type Evidence = z.infer<typeof evidenceSchema>;
