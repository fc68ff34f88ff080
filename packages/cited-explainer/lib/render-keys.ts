import { dirname, resolve } from 'node:path';
import { codeDigest, contentDir, projectRoot } from 'virtual:cited-explainer/config';
import { citedBy } from '../citations/ledger.ts';
import { directiveName } from '../citations/page-directives.ts';
import { getLedger } from '../content-model/site-ledger.ts';
import { componentsShowingEveryClaim } from '../schemas/content-props.ts';
import { cacheKey } from './build-cache.ts';
import { entriesOf } from './collection-entries.ts';
import { contentCollections } from './content-layout.ts';
import { entryText } from './entry-file.ts';
import { fileDigest, folderDigest } from './folder-digest.ts';
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
 * - the page's own text, and the bytes of its local images;
 * - the versions of Node and its ICU, which format dates;
 * - for a source's page, the claims that cite it (its "Cited by" list);
 * - for a page using a component that shows claims of every page, every claim (the whole ledger).
 * So an edit to one page's text renders that page again, and the pages of the sources whose "Cited
 * by" it changed. The other routes give no key and always render: those that show every claim
 * (actors, data files), the indexes, and the incidents (few, each showing its neighbours and the
 * content model).
 * No key under `astro dev`, which renders every request anyway.
 */

/** The cited documents: their text is a page's own; their front matter shows across the site. */
const citedDocuments = ['pages', 'incidents'] as const;
/** A cited document's own file (not an image beside it, which stays in the site's data). */
const isCitedDocument = (file: string) =>
  citedDocuments.some((collection) => {
    const { folder, extensions } = contentCollections[collection];
    return file.startsWith(`${folder}/`) && extensions.test(file);
  });

let siteData: Promise<string> | undefined;

/**
 * What every page may show besides its own text, as one digest (read once per build), with the
 * versions of Node and of its ICU, which format the dates.
 */
function siteDataKey(): Promise<string> {
  siteData ??= (async () => {
    const files = folderDigest(contentDir, isCitedDocument);
    const frontMatter = await Promise.all(citedDocuments.map(async (collection) => (await entriesOf(collection)).map((entry) => [entry.id, entry.data])));
    return cacheKey([codeDigest, process.versions.node, process.versions.icu ?? '', files, JSON.stringify(frontMatter)]);
  })();
  return siteData;
}

let everyClaim: Promise<string> | undefined;
const everyClaimKey = (): Promise<string> => {
  everyClaim ??= getLedger().then((ledger) => cacheKey([JSON.stringify(ledger)]));
  return everyClaim;
};

let claimsBySource: Promise<Map<string, string>> | undefined;
/** The claims citing each source, as a digest per source (the ledger read once, not once per source). */
const claimsCiting = async (sourceId: string): Promise<string> => {
  claimsBySource ??= getLedger().then((ledger) => {
    const bySource = Map.groupBy(ledger.citations, (citation) => citation.source);
    return new Map([...bySource].map(([source, citations]) => [source, cacheKey([JSON.stringify(citedBy({ ...ledger, citations }, source))])]));
  });
  return (await claimsBySource).get(sourceId) ?? '';
};

/** The bytes of the local images a Markdown page shows, which Astro does not hash. */
function imagesOf(entry: PageEntry): string {
  const paths = entry.rendered?.metadata?.imagePaths ?? [];
  if (paths.length === 0 || !entry.filePath) return '';
  const folder = dirname(resolve(projectRoot, entry.filePath));
  return cacheKey(paths.flatMap((path) => [path, fileDigest(resolve(folder, path)) ?? 'missing']));
}

/** A content page's key: its own text and images, and every claim when it uses a component that shows them all. */
export async function pageRenderKey(entry: PageEntry): Promise<string | undefined> {
  if (!import.meta.env.PROD) return undefined;
  const text = entryText(entry);
  const showsEveryClaim = componentsShowingEveryClaim.some((name) => text.includes(`<${name}`) || text.includes(`::${directiveName(name)}`));
  return cacheKey([await siteDataKey(), entry.id, text, imagesOf(entry), showsEveryClaim ? await everyClaimKey() : '']);
}

/** A source's page: the archive (in the site's data) and the claims that cite it. */
export async function sourceRenderKey(sourceId: string): Promise<string | undefined> {
  if (!import.meta.env.PROD) return undefined;
  return cacheKey([await siteDataKey(), sourceId, await claimsCiting(sourceId)]);
}
