import { z } from 'zod';
import { prose } from './cited.ts';
import { changeLog, changesReviewed, isoDate } from './common.ts';
import { citationExceptions } from './exception.ts';

/** Front matter of an explainer page, content/pages/**\/*.md or .mdx. */
export const pageSchema = z
  .strictObject({
    title: prose({ max: 300 }),
    /** One or two sentences: the meta description and the summary in lists. */
    description: prose({ max: 1000 }),
    /** When the page was last reviewed against its sources. */
    updated: isoDate,
    changes: changeLog,
    /**
     * "claims" pages must cite every paragraph and list item (the build fails otherwise);
     * "editorial" pages (about, glossary introduction) may hold uncited text.
     */
    kind: z.enum(['claims', 'editorial']).default('claims'),
    /** Reviewed exceptions to the judgement rules (attribution), each with its reason; listed on the about page. */
    exceptions: citationExceptions,
  })
  .refine(changesReviewed.check, changesReviewed.message);

export type PageFrontmatter = z.infer<typeof pageSchema>;
