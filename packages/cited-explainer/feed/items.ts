import { english, format, type Strings } from '../i18n/strings.ts';

/**
 * The site's RSS feed, as items: one per explainer page and incident, dated by its last review, so
 * a reader following the feed hears of new incidents and of changes to pages. The latest change
 * note, where the page has one, says what changed. Pure: the route (routes/[feed].xml.ts)
 * passes the entries in.
 */
export interface FeedEntry {
  title: string;
  /** Root-relative URL, with the base. */
  url: string;
  summary: string;
  updated: string;
  changes: ReadonlyArray<{ date: string; note: string }>;
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
}

/** Newest first; entries reviewed on the same day in title order, so the feed is the same at every build. */
export function feedItems(entries: readonly FeedEntry[], site: URL, strings: Strings['feed'] = english.feed): FeedItem[] {
  return [...entries]
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title, 'en'))
    .map((entry) => {
      const latest = entry.changes.find((change) => change.date === entry.updated);
      return {
        title: entry.title,
        link: new URL(entry.url, site).href,
        pubDate: new Date(`${entry.updated}T00:00:00Z`),
        description: latest ? format(strings.changed, { summary: entry.summary, note: latest.note }) : entry.summary,
      };
    });
}
