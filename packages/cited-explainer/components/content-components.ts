import type { ContentComponentName } from '../schemas/content-props.ts';
import Corrections from './Corrections.astro';
import EditorsNote from './EditorsNote.astro';
import PlaceMap from './PlaceMap.astro';
import ReviewedExceptions from './ReviewedExceptions.astro';
import SourceProvenance from './SourceProvenance.astro';

/**
 * The components content pages may use, passed to every rendered page (<Content components={…} />)
 * so that content never imports code. Their names and props are defined in schemas/content-props.ts, which
 * the allow-list (citations/mdx-allow-list.ts) checks every page against.
 */
export const contentComponents: Record<ContentComponentName, unknown> = { Corrections, EditorsNote, PlaceMap, ReviewedExceptions, SourceProvenance };
