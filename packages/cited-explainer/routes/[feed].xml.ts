import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { plainField } from '../citations/cited-field.ts';
import { feedItems } from '../feed/items.ts';
import { entriesOf } from '../lib/collection-entries.ts';
import { siteConfig, siteLocale } from '../lib/site.ts';
import { incidentUrl, pageUrl } from '../lib/site-data.ts';

/**
 * /feed.xml, the RSS feed of incidents and page updates (feed/items.ts). A feed needs absolute
 * links, so it is published only when site.json gives the site's address ("url").
 */
export const getStaticPaths = () => (siteConfig.url ? [{ params: { feed: 'feed' } }] : []);

export const GET: APIRoute = async ({ site }) => {
  const pages = (await entriesOf('pages')).map(({ data, ...entry }) => ({ title: data.title, url: pageUrl(entry), summary: data.description, updated: data.updated, changes: data.changes }));
  const incidents = (await entriesOf('incidents')).map(({ data, ...entry }) => ({
    title: data.title,
    url: incidentUrl(entry),
    summary: plainField(data.summary),
    updated: data.updated,
    changes: data.changes,
  }));
  return rss({
    title: siteConfig.title,
    description: siteConfig.description,
    site: site!,
    items: feedItems([...pages, ...incidents], site!, siteLocale.strings.feed),
    customData: `<language>${siteConfig.lang}</language>`,
  });
};
