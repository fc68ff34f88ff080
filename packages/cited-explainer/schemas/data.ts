import { z } from 'zod';

/**
 * The rows of the downloads on /data/ (data/). One definition serves the files and the data
 * dictionary printed beside them; what each field means, the dictionary's words, is in the
 * locale file (dataFields.<dataset>).
 */

export const incidentRowSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  continuing: z.boolean(),
  places: z.array(z.string()),
  parties: z.array(z.string()),
  summary: z.string(),
  url: z.string(),
});

export const glossaryRowSchema = z.strictObject({
  slug: z.string(),
  kind: z.enum(['term', 'place']),
  name: z.string(),
  altNames: z.array(z.string()),
  explanation: z.string(),
  note: z.string(),
  url: z.string(),
});

export const citationRowSchema = z.strictObject({
  id: z.string(),
  page: z.string(),
  anchor: z.string(),
  claim: z.string(),
  source: z.string(),
  speaker: z.string(),
  quote: z.string(),
  paragraph: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

export type IncidentRow = z.infer<typeof incidentRowSchema>;
export type GlossaryRow = z.infer<typeof glossaryRowSchema>;
export type CitationRow = z.infer<typeof citationRowSchema>;
export type RowSchema = typeof incidentRowSchema | typeof glossaryRowSchema | typeof citationRowSchema;
