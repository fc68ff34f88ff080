import { getContentModel } from '../content-model/load.ts';
import { entriesOf } from './collection-entries.ts';
import { indexPaths } from './routes.ts';
import { siteLocale } from './site.ts';

/**
 * The pages made from the site's data rather than written and reviewed as pages: each actor, the
 * actors index, the glossary, the timeline (/incidents/), the list of sources and the data page. Their "Cite this page" needs a date,
 * and they have no `updated` of their own: they are dated with the site's latest review, the
 * newest `updated` of its pages and incidents, the last date the editors checked the site's content
 * against its sources (the data these pages show is part of that content). A date of the content,
 * never the build's clock, so builds stay byte-identical. Read by the pages that show the block and
 * by routes/cite/, which writes their download files.
 */
export interface UndatedPage {
  /** Root-relative path without the base. */
  path: string;
  title: string;
}

let reviewed: Promise<string | undefined> | undefined;

/**
 * The site's latest review: the newest `updated` of its pages and incidents; undefined when it has
 * none. Found once per build (as the content model is: content-model/load.ts), not once per page.
 */
export function siteReviewed(): Promise<string | undefined> {
  reviewed ??= (async () => {
    const dates = [...(await entriesOf('pages')), ...(await entriesOf('incidents'))].map((entry) => entry.data.updated);
    return dates.reduce<string | undefined>((newest, date) => (newest === undefined || date > newest ? date : newest), undefined);
  })();
  return reviewed;
}

/** Every such page the site publishes (an index only when it lists something, as its route does: lib/routes.ts). */
export async function undatedPages(): Promise<UndatedPage[]> {
  const { actors, glossary, incidents } = await getContentModel();
  const strings = siteLocale.strings;
  const index = (path: string, title: string, entries: number) => (indexPaths(entries).length > 0 ? [{ path, title }] : []);
  return [
    ...index('/actors/', strings.actors.title, actors.size),
    ...[...actors.values()].map((actor) => ({ path: `/actors/${actor.id}/`, title: actor.data.name })),
    ...index('/glossary/', strings.glossary.title, glossary.size),
    ...index('/incidents/', strings.incidents.title, incidents.length),
    { path: '/sources/', title: strings.sources.title },
    { path: '/data/', title: strings.data.title },
  ];
}
