import { z } from 'zod';

/**
 * The elements a content page may write and the props each takes: the one definition, read by the
 * allow-list (citations/mdx-allow-list.ts), which refuses any other element or prop, and by the
 * components' own Props types. Every prop is a literal string: content is data, never code.
 * (Pure: the allow-list runs in the Markdown processor, outside Vite, where .astro files cannot load.)
 */

const noProps = z.strictObject({});

/** Components a page may use without importing them; the routes pass them to the page (content-components.ts). */
export const contentComponentProps = {
  PlaceMap: z.strictObject({ map: z.string().min(1) }),
  SourceProvenance: noProps,
  Corrections: noProps,
  ReviewedExceptions: noProps,
  EditorsNote: noProps,
};
export type ContentComponentName = keyof typeof contentComponentProps;
export const contentComponentNames = Object.keys(contentComponentProps) as ContentComponentName[];

/**
 * The components that show claims from every page of the site (the ledger): a page using one is
 * rendered again whenever any claim changes, not only when its own text does (lib/render-keys.ts).
 */
export const componentsShowingEveryClaim: readonly ContentComponentName[] = ['ReviewedExceptions'];

/** Plain elements for layout, with the attributes they may carry. */
export const layoutElementProps = {
  div: z.strictObject({ className: z.string().optional() }),
  section: z.strictObject({ className: z.string().optional(), 'aria-label': z.string().optional() }),
  nav: z.strictObject({ 'aria-label': z.string().optional() }),
  /**
   * A section a reader opens only if they want it ("About the dates"): <details> whose <summary> holds
   * the section's heading, so the heading keeps its id and its place in "On this page". Print shows it open.
   */
  details: z.strictObject({ className: z.string().optional() }),
  summary: noProps,
};

/** The site's note (<Note>…</Note>, citations/site-note.ts) takes no props. */
export const noteProps = noProps;

/** A named map on a page: <PlaceMap map="river-crossings" />. */
export type PlaceMapProps = z.infer<typeof contentComponentProps.PlaceMap>;
