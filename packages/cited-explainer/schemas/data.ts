import { z } from 'zod';

/**
 * The rows of the downloads on /data/ (data/). One definition serves the files and the data
 * dictionary printed beside them: each field's description is what the dictionary says.
 */

export const incidentRowSchema = z.strictObject({
  id: z.string().describe('The incident’s id: its page is /incidents/<id>/.'),
  title: z.string().describe('The incident’s title on this site.'),
  start: z.string().describe('First day (YYYY-MM-DD), or only the month (YYYY-MM) where the sources give no day.'),
  end: z.string().describe('Last day or month, written as start; empty for an incident of one day.'),
  continuing: z.boolean().describe('True when the latest source reporting it describes it as still going on.'),
  places: z.array(z.string()).describe('Places involved, spelled as the pages spell them, most specific first (in CSV, separated by a semicolon and a space).'),
  parties: z.array(z.string()).describe('The actors involved, by the names their pages use (in CSV, separated by a semicolon and a space); empty where the incident names none.'),
  summary: z.string().describe('One neutral line restating the incident’s page, without its citations (they are in the claims file, page /incidents/).'),
  url: z.string().describe('The incident’s page, where every statement is cited.'),
});

export const glossaryRowSchema = z.strictObject({
  slug: z.string().describe('The entry’s id: its anchor is /glossary/#<slug>.'),
  kind: z.enum(['term', 'place']).describe('“term” or “place”.'),
  name: z.string().describe('The spelling the pages use.'),
  altNames: z.array(z.string()).describe('Other spellings and names (in CSV, separated by a semicolon and a space).'),
  explanation: z.string().describe('A short explanation in plain English, without its citations (they are in the claims file, page /glossary/); empty where the sources say nothing.'),
  note: z.string().describe('The editors’ own orientation, not drawn from the sources (a spelling, a location); empty where there is none.'),
  url: z.string().describe('The entry on the glossary page.'),
});

export const citationRowSchema = z.strictObject({
  id: z.string().describe('The citation’s id, also the data-cite attribute of its marker on the page.'),
  page: z.string().describe('The page that makes the claim (URL path).'),
  anchor: z.string().describe('The claim’s id on that page: page#anchor links to the sentence.'),
  claim: z.string().describe('The claim, as the page words it.'),
  source: z.string().describe('The archived source’s id: its text is at /sources/<source>/.'),
  speaker: z.string().describe('Who speaks in the quoted passage, as an actor id, where the page names one; else empty.'),
  quote: z.string().describe('The supporting passage, exactly as it stands in the archived text.'),
  paragraph: z.string().describe('The archive paragraph holding the passage: /sources/<source>/#<paragraph>.'),
  start: z.number().int().describe('Offset of the passage’s first character in the archived body.'),
  end: z.number().int().describe('Offset just after its last character.'),
});

export type IncidentRow = z.infer<typeof incidentRowSchema>;
export type GlossaryRow = z.infer<typeof glossaryRowSchema>;
export type CitationRow = z.infer<typeof citationRowSchema>;
export type RowSchema = typeof incidentRowSchema | typeof glossaryRowSchema | typeof citationRowSchema;
