import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { loadQuoteIndex } from '../citations/archive-index.ts';
import { citePage, pageFile } from '../citations/cite-page.ts';
import { noteParsing } from '../citations/site-note.ts';
import { renderCitedFields } from '../content-model/cited-fields.ts';
import { type CitingDocument, type ContentFile, crossReferenceErrors, throwFirst } from '../content-model/cross-references.ts';
import { firstMentionErrors } from '../glossary/first-mentions.ts';
import { type ContentCollection, collectionDir, contentCollections } from '../lib/content-layout.ts';
import { loadSiteConfig } from '../lib/site-config.ts';
import { actorSchema } from '../schemas/actor.ts';
import { glossarySchema } from '../schemas/glossary.ts';
import { incidentSchema } from '../schemas/incident.ts';
import { remarkSmartQuotes } from '../typography/remark-smart-quotes.ts';
import type { Command } from './command.ts';

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** A collection's files in a content folder (content-layout.ts names their folder and extensions), as paths, sorted. */
function filesIn(contentDir: string, collection: ContentCollection): string[] {
  const dir = collectionDir(contentDir, collection);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => contentCollections[collection].extensions.test(file))
    .sort()
    .map((file) => join(dir, file));
}

/**
 * A page as the build's Markdown processor reads it: Sätteri's parser (MDX for .mdx, directives for
 * .md's :::note), the front matter blanked out line for line so that positions are the file's own,
 * and the site's typographer's quotes, as the build applies them before the citation engine.
 */
function parsePage(path: string, text: string): { tree: Root; source: string; frontmatter: Record<string, unknown> } {
  const match = frontMatter.exec(text);
  const frontmatter = (match ? parseYaml(match[1]) : {}) ?? {};
  const source = match ? match[0].replace(/[^\n]/g, ' ') + text.slice(match[0].length) : text;
  const tree = (path.endsWith('.mdx') ? mdxToMdast(source) : markdownToMdast(source, { features: noteParsing })) as unknown as Root;
  remarkSmartQuotes()(tree);
  return { tree, source, frontmatter };
}

/** A data file (YAML or JSON, or an incident's front matter) read against its schema, as the content collections read it. */
function dataFile<S extends z.ZodType>(path: string, schema: S): ContentFile<z.infer<S>> {
  const text = readFileSync(path, 'utf8');
  const raw = /\.mdx?$/.test(path) ? parseYaml(frontMatter.exec(text)?.[1] ?? '') : path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  const id = basename(path).replace(/\.[^.]+$/, '');
  return { id, file: relative(process.cwd(), path), text, data: schema.parse(raw) };
}

/**
 * What `cited-explainer check` checks, in the build's order and with the build's code: the project's
 * Astro config and the integration's options, site.json, every collection against its schema
 * (Astro's own content sync), then every citation of every page and incident (the citation engine
 * on Sätteri's parse, as the build runs it), the cited fields of actors, glossary and incidents, and
 * the references between them. What only a built site shows (routes, links, the dist check) is the
 * build's. Gives a line that counts what passed; throws the first problem.
 */
export async function checkProject(root: string, content: string): Promise<string> {
  const contentDir = resolve(root, content);
  const site = loadSiteConfig(contentDir);
  const { sync } = await import('astro');
  // Astro prints the content errors it meets; the error it throws is the one reported.
  await sync({ root, logLevel: 'silent' });

  const index = loadQuoteIndex(contentDir);
  const documents: CitingDocument[] = [];
  const pages = [...filesIn(contentDir, 'pages'), ...filesIn(contentDir, 'incidents')];
  for (const path of pages) {
    const text = readFileSync(path, 'utf8');
    const { tree, source, frontmatter } = parsePage(path, text);
    const page = pageFile(contentDir, path)!;
    const cited = citePage(tree, { ...page, source, frontmatter }, { contentDir, base: '/', index });
    documents.push({ file: page.shown, text, citations: cited.frontmatter.citations });
  }

  const model = {
    actors: filesIn(contentDir, 'actors').map((path) => dataFile(path, actorSchema)),
    glossary: filesIn(contentDir, 'glossary').map((path) => dataFile(path, glossarySchema)),
    incidents: filesIn(contentDir, 'incidents').map((path) => dataFile(path, incidentSchema)),
  };
  throwFirst([
    ...crossReferenceErrors({ ...model, documents: model.actors.length === 0 ? [] : documents, actorKinds: site.actorKinds.map((kind) => kind.id) }),
    ...firstMentionErrors(
      model.glossary,
      model.incidents.map((incident) => ({ file: incident.file, places: incident.data.places })),
      documents,
    ),
  ]);
  const names = new Map(model.actors.map((actor) => [actor.id, actor.data.name]));
  renderCitedFields(model, { index, base: '/', speakerName: (slug) => names.get(slug) ?? slug });

  const dataFiles = model.actors.length + model.glossary.length + model.incidents.length;
  const citations = documents.reduce((sum, document) => sum + document.citations.length, 0);
  return `${relative(process.cwd(), contentDir) || '.'}: ${pages.length} pages with ${citations} citations and ${dataFiles} data files pass the content checks`;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check the content (schemas, citations, references) without building the site',
  help: `Usage: cited-explainer check [options]

Checks the content folder with the build's own code, in seconds, without building the site:
astro.config.mjs and the integration's options, site.json, every file against its schema,
every citation of every page and incident (the quoted words must be in the archived source),
the cited fields of actors, glossary entries and incidents, and the references between them.
Prints the first problem as file:line:column, what is wrong and how to fix it, and exits with 1.
What only a built site shows (addresses, links, the built-site check) needs "astro build".

Options:
  --root <dir>      the project folder, with astro.config.mjs (default: .)
  --content <dir>   the content folder, relative to the project (default: content)
  -h, --help        this help`,
  options: {
    root: { type: 'string', default: '.' },
    content: { type: 'string', default: 'content' },
  },
  async run({ values }, output) {
    const root = resolve(values.root as string);
    if (!existsSync(root)) throw new Error(`${values.root}: no such folder`);
    output.out(await checkProject(root, values.content as string));
  },
};
