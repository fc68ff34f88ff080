import { z } from 'zod';
import { exceptionRules } from '../citations/rules.ts';
import { prose } from './cited.ts';

/**
 * A reviewed exception to a rule that needs judgement (attribution): it names the rule, the
 * citation by its quote as written, and why the rule does not apply. Listed on the ledger and
 * the about page, so readers see every exception the editors made.
 */
export const citationExceptionSchema = z.strictObject({
  rule: z.enum(exceptionRules),
  /** The citation's quote exactly as the page writes it. */
  quote: z.string().min(1),
  /** Why the rule does not apply, in a sentence a reader can check. */
  reason: prose({ min: 20, max: 1000 }),
});

export const citationExceptions = z.array(citationExceptionSchema).default([]);

export type CitationException = z.infer<typeof citationExceptionSchema>;
