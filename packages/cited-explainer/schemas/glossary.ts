import { z } from 'zod';
import { altNameText, citedText, nameText, noteText } from './cited.ts';
import { citationExceptions } from './exception.ts';

/** One glossary entry: content/glossary/<slug>.yaml; the slug is the anchor, /glossary/#<slug>. */
export const glossarySchema = z
  .strictObject({
    kind: z.enum(['term', 'place']),
    /** The spelling the pages use. */
    name: nameText({ max: 200 }),
    /** Other spellings and names: they appear on first mention and feed search. */
    altNames: z.array(altNameText()).default([]),
    /** A short explanation in plain English, each claim cited to the passage it rests on. */
    explanation: citedText().optional(),
    /** The editors' own orientation where the sources say nothing (a spelling, a place's location), shown as a note. */
    note: noteText().optional(),
    /** Reviewed exceptions to the judgement rules for this file's citations. */
    exceptions: citationExceptions,
  })
  .refine((entry) => entry.explanation !== undefined || entry.note !== undefined, {
    message: 'give a cited "explanation", or the editors\' own "note" where the sources say nothing',
    path: ['explanation'],
  });

export type GlossaryEntry = z.infer<typeof glossarySchema>;
