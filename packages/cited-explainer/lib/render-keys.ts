import { createHash } from 'node:crypto';
import { codeDigest, contentDir } from 'virtual:cited-explainer/config';
import { citedBy } from '../citations/ledger.ts';
import { directiveName } from '../citations/page-directives.ts';
import { getLedger } from '../content-model/site-ledger.ts';
import { componentsShowingEveryClaim } from '../schemas/content-props.ts';
import { entriesOf } from './collection-entries.ts';
import { contentCollections } from './content-layout.ts';
import { entryText } from './entry-file.ts';
import { folderDigest } from './folder-digest.ts';
import type { PageEntry } from './site-data.ts';

/**
 * Astro glue: the `cacheKey` a route gives each of its pages, which Astro's incremental build
 * (experimental.incrementalBuild, turned on by the integration) compares with the last build's:
 * when it is the same, and so is the page's code, Astro copies the page it rendered then instead of
 * rendering it again. Astro itself checks the code (every module the route imports, and an MDX
 * page's compiled module); the key must change whenever the data the page shows can. It holds:
 * - the generator's own code, which renders Markdown pages in the content layer, where Astro does
 *   not look (a citation engine that writes a marker differently must not leave old pages);
 * - the whole content folder but the cited documents' own files (pages/, incidents/), whose front
 *   matter is held instead: a title shows wherever that page is listed or cited, a source wherever
 *   it is quoted, a glossary term or a map wherever it is used;
 * - the page's own entry;
 * - for a source's page, the claims that cite it (its "Cited by" list);
 * - for a page using a component that shows claims of every page, every claim (the whole ledger).
 * So an edit to one page's text renders that page again, and the pages of the sources whose "Cited
 * by" it changed; the routes that show every claim (actors, data files) give no key and always render.
 * No key under `astro dev`, which renders every request anyway.
 */

/** The cited documents: their text is a page's own; their front matter shows across the site. */
const citedDocuments = ['pages', 'incidents'] as const;
const citedFolders = citedDocuments.map((collection) => `${contentCollections[collection].folder}/`);

const digestOf = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

let siteData: Promise<string> | undefined;

/** What every page may show besides its own text, as one digest (read once per build). */
function siteDataKey(): Promise<string> {
  siteData ??= (async () => {
    const files = folderDigest(contentDir, (file) => citedFolders.some((folder) => file.startsWith(folder)));
    const frontMatter = await Promise.all(citedDocuments.map(async (collection) => (await entriesOf(collection)).map((entry) => [entry.id, entry.data])));
    return digestOf(codeDigest, files, JSON.stringify(frontMatter));
  })();
  return siteData;
}

let everyClaim: Promise<string> | undefined;
const everyClaimKey = (): Promise<string> => {
  everyClaim ??= getLedger().then((ledger) => digestOf(JSON.stringify(ledger)));
  return everyClaim;
};

/** A content page's key: its own text, and every claim when it uses a component that shows them all. */
export async function pageRenderKey(entry: PageEntry): Promise<string | undefined> {
  if (!import.meta.env.PROD) return undefined;
  const text = entryText(entry);
  const showsEveryClaim = componentsShowingEveryClaim.some((name) => text.includes(`<${name}`) || text.includes(`::${directiveName(name)}`));
  return digestOf(await siteDataKey(), entry.id, text, showsEveryClaim ? await everyClaimKey() : '');
}

/** A source's page: the archive (in the site's data) and the claims that cite it. */
export async function sourceRenderKey(sourceId: string): Promise<string | undefined> {
  if (!import.meta.env.PROD) return undefined;
  return digestOf(await siteDataKey(), sourceId, JSON.stringify(citedBy(await getLedger(), sourceId)));
}
