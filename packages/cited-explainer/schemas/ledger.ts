import { z } from 'zod';
import { citationExceptionSchema } from './exception.ts';

/** One citation as the remark plugin records it for its page. */
export const pageCitationSchema = z.strictObject({
  /** Stable, unique in the site: "<document>/<claim anchor>/<n>"; also the marker's data-cite. */
  id: z.string().min(1),
  /** The claim's id on its page. */
  anchor: z.string().min(1),
  claim: z.string().min(1),
  source: z.string().min(1),
  /** Who speaks in the quoted passage (an actor slug), when the author named one. */
  speaker: z.string().nullable(),
  /** The passage exactly as it stands in the archive. */
  quote: z.string().min(1),
  /** Anchor of the archive paragraph holding the passage. */
  paragraph: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The endnote number on the page. */
  note: z.number().int().positive(),
  /** A reviewed exception to a judgement rule that this citation relies on, with its reason. */
  exception: citationExceptionSchema.omit({ quote: true }).optional(),
});

/** The site's own remark (role="note"): text that is deliberately not a claim. */
export const pageNoteSchema = z.strictObject({
  text: z.string().min(1),
});

/** One line of /citations.json: a page citation plus the URL path of its page. */
export const ledgerEntrySchema = pageCitationSchema.extend({ page: z.string().startsWith('/') });

export const ledgerNoteSchema = pageNoteSchema.extend({ page: z.string().startsWith('/') });

export const ledgerSchema = z.strictObject({ citations: z.array(ledgerEntrySchema), notes: z.array(ledgerNoteSchema) });

export type PageCitation = z.infer<typeof pageCitationSchema>;
export type PageNote = z.infer<typeof pageNoteSchema>;
export type LedgerNote = z.infer<typeof ledgerNoteSchema>;
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type Ledger = z.infer<typeof ledgerSchema>;
