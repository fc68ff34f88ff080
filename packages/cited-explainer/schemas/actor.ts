import { z } from 'zod';
import { altNameText, citedText, nameText } from './cited.ts';
import { slug } from './common.ts';
import { citationExceptions } from './exception.ts';

/** One actor: content/actors/<slug>.yaml; the file name is the slug used in citations and front matter. */
export const actorSchema = z.strictObject({
  /** One of the kinds site.json declares in "actorKinds" (checked with the other cross-references). */
  kind: slug,
  /** The name as international English-language reporting most often writes it. */
  name: nameText({ max: 200 }),
  /** Other spellings and names, for search and for "also known as". */
  altNames: z.array(altNameText()).default([]),
  /** The actor this one belongs to (a ministry's state, a minister's ministry), as a slug. */
  affiliation: slug.optional(),
  /** Role during the period the sources cover, in the past tense, cited: "Prime Minister of Armenia[@source: …]". */
  role: citedText(),
  /** One or two sentences, in the past tense, each claim cited. */
  description: citedText(),
  /** Reviewed exceptions to the judgement rules for this file's citations. */
  exceptions: citationExceptions,
});

export type Actor = z.infer<typeof actorSchema>;
