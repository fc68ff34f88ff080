import { z } from 'zod';
import { isoDate } from './common.ts';

/** content/site.json: everything about one explainer that is not a page or a source. */
export const siteConfigSchema = z.strictObject({
  title: z.string().min(1),
  /** One sentence for search engines and link previews. */
  description: z.string().min(1),
  /** The address the site is published at, for canonical and printed URLs; omit it while unknown. */
  url: z.url().optional(),
  lang: z.string().default('en'),
  nav: z.array(z.strictObject({ label: z.string().min(1), href: z.string().startsWith('/') })).min(1),
  /** The one text not drawn from the archive: what changed after the sources end. */
  editorsNote: z.strictObject({ title: z.string().min(1), text: z.string().min(1) }).optional(),
  /** How readers report an error. */
  corrections: z.string().min(1),
  /** Licence of the site's own text and data (the archived articles stay their publishers'). */
  licence: z.string().min(1),
  /** The period the archive covers, as the sources' dates bound it. */
  coverage: z.strictObject({ from: isoDate, to: isoDate }).optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
