import type { ContentComponentName } from '../citations/mdx-allow-list.ts';
import Corrections from './Corrections.astro';
import EditorsNote from './EditorsNote.astro';
import PlaceMap from './PlaceMap.astro';
import ReviewedExceptions from './ReviewedExceptions.astro';
import SourceProvenance from './SourceProvenance.astro';

/**
 * The components content pages may use, passed to every rendered page (<Content components={…} />)
 * so that content never imports code. The names are the allow-list in citations/mdx-allow-list.ts.
 */
export const contentComponents: Record<ContentComponentName, unknown> = { Corrections, EditorsNote, PlaceMap, ReviewedExceptions, SourceProvenance };
