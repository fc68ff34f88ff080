import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { ContentError } from './content-error.ts';
import { assertMdxNestingWithin, assertPlainText } from './content-text.ts';
import { dataError } from './data-errors.ts';
import { frontMatterBlock } from './field-position.ts';
import { yamlSyntaxError } from './yaml-errors.ts';

/**
 * The data of a content file as written: its front matter (.md, .mdx) or whole text (.yaml, .yml)
 * parsed as YAML 1.2, where an unquoted 2022-02-30 stays a string. Astro parses with js-yaml,
 * which reads it as a timestamp and rolls it over to 2 March, so a schema checking `loaded` would
 * see a real date. JSON has no such trap, and YAML that does not parse is left to Astro's own
 * error: both give back `loaded`, the data the loader read.
 */
export function dataAsWritten(filePath: string, text: string, loaded: unknown): unknown {
  const yaml = /\.mdx?$/i.test(filePath) ? (frontMatterBlock.exec(text)?.[1] ?? '') : /\.ya?ml$/i.test(filePath) ? text : undefined;
  if (yaml === undefined) return loaded;
  try {
    return parse(yaml) ?? {};
  } catch {
    return loaded;
  }
}

/**
 * Wraps a file loader (Astro's glob) so that an entry whose data, as written, fails its schema
 * stops the build with the file and the line of the field, before Astro's own check runs; so does
 * a file (front matter and body alike) holding a control character or a bidirectional override,
 * and a YAML data file Astro could not parse, with the line to fix and how (yaml-errors.ts).
 */
export function withDataLines(loader: Loader, schema: z.ZodType): Loader {
  return {
    ...loader,
    load: (context) =>
      loader
        .load({
          ...context,
          parseData: async (props) => {
            if (props.filePath) {
              const text = readFileSync(props.filePath, 'utf8');
              const file = relative(process.cwd(), props.filePath);
              assertPlainText(file, text);
              // Before Astro's MDX compiler, which could take practically forever on such a page.
              if (props.filePath.endsWith('.mdx')) assertMdxNestingWithin(file, text);
              const checked = await schema.safeParseAsync(dataAsWritten(props.filePath, text, props.data));
              if (!checked.success) throw dataError(file, text, checked.error);
            }
            return context.parseData(props);
          },
        })
        .catch((error: unknown) => {
          throw yamlFileError(error) ?? error;
        }),
  };
}

/** Astro's error on a YAML data file that does not parse (it names the file), as yaml-errors.ts explains it. */
function yamlFileError(error: unknown): ContentError | undefined {
  const file = (error as { loc?: { file?: unknown } } | null)?.loc?.file;
  if (typeof file !== 'string' || !/\.ya?ml$/i.test(file) || !existsSync(file)) return undefined;
  return yamlSyntaxError(relative(process.cwd(), file), readFileSync(file, 'utf8'));
}

/** Astro's loader context also carries the content entry types by extension (internal, not in its type). */
type ContextWithEntryTypes = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };
type RenderFunction = Awaited<ReturnType<NonNullable<ContentEntryType['getRenderFunction']>>>;

/**
 * A Markdown entry's body as the file has it: the front matter blanked rather than cut, so that the
 * line and column an error names are the file's own. (Astro hands the loader the body trimmed, so
 * a line was counted from the end of the front matter.)
 */
export const bodyWithFileLines = (text: string) => text.replace(frontMatterBlock, (block) => block.replace(/[^\n]/g, ' '));

/** What Astro's glob loader warns when a collection's folder is missing, or holds no file of its pattern. */
const MISSING_FOLDER = /^The base directory ".*" does not exist\.$/s;
const NO_MATCHING_FILE = /^No files found matching ".*" in directory ".*"$/s;

/**
 * Wraps the loader of a collection a site may leave out (incidents, actors, a glossary): Astro's
 * glob loader warns when its folder is missing or empty, which for such a collection is no news, so
 * neither warning is printed. A folder holding files of which none is of the collection's kind
 * (`incidents/x.md` where incidents are JSON) is a mistake: that warning, and every other, gets through.
 */
export function optionalFolder(loader: Loader, folder: string): Loader {
  const holdsNoFile = () => !existsSync(folder) || !readdirSync(folder, { recursive: true, withFileTypes: true }).some((entry) => entry.isFile());
  return {
    ...loader,
    load: (context) => {
      const warn = (message: string) => {
        if (!MISSING_FOLDER.test(message) && !(NO_MATCHING_FILE.test(message) && holdsNoFile())) context.logger.warn(message);
      };
      return loader.load({ ...context, logger: Object.create(context.logger, { warn: { value: warn } }) });
    },
  };
}

/**
 * Wraps a file loader (Astro's glob) so that no error in it is only logged. The glob loader renders
 * a Markdown page as it loads it and, when rendering throws (a quote not in its source, an uncited
 * claim), logs "Error rendering …" and stores the page with an empty body, which the build then
 * publishes. Here every rendering error and every error the loader logs is kept; when the loader is
 * done the failed entries leave the store (so that a cached store cannot bring them back without a
 * check) and the build stops with every error, each naming its file and line. Under astro dev a later re-render of an
 * edited file is reported as Astro reports it.
 */
export function failingOnLoggedErrors(loader: Loader): Loader {
  // Wraps withDataLines' loader, not the other way round, so that its refusals are kept here too.
  return {
    ...loader,
    load: async (context: ContextWithEntryTypes) => {
      let loading = true;
      const failures: { id?: string; error: unknown }[] = [];
      const renderedWithFileLines =
        (render: RenderFunction): RenderFunction =>
        async (entry) => {
          try {
            return await render(entry.filePath ? { ...entry, body: bodyWithFileLines(readFileSync(entry.filePath, 'utf8')) } : entry);
          } catch (error) {
            if (!loading) throw error;
            failures.push({ id: entry.id, error });
            return { html: '' };
          }
        };
      const entryTypes =
        context.entryTypes &&
        new Map(
          [...context.entryTypes].map(([extension, type]) => {
            const { getRenderFunction } = type;
            return [
              extension,
              getRenderFunction ? { ...type, getRenderFunction: async (config: Parameters<typeof getRenderFunction>[0]) => renderedWithFileLines(await getRenderFunction(config)) } : type,
            ];
          }),
        );
      const logger = Object.create(context.logger, {
        error: { value: (message: string) => (loading ? failures.push({ error: new Error(`${context.collection}: ${message}`) }) : context.logger.error(message)) },
      });
      // An entry whose data is refused is kept as a failure too: the loader goes on with the others
      // (a rejection would leave its other files rendering, and logging, after the build stopped).
      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          return await context.parseData(props);
        } catch (error) {
          if (!loading) throw error;
          failures.push({ id: props.id, error });
          return props.data;
        }
      };
      try {
        await loader.load({ ...context, parseData, entryTypes, logger } as LoaderContext);
      } finally {
        loading = false;
      }
      for (const { id } of failures) if (id !== undefined) context.store.delete(id);
      if (failures.length === 1) throw failures[0].error;
      // Every page's refusal, one after another (each names its file and line), so that one build shows them all.
      if (failures.length > 1) {
        const all = new Error(failures.map(({ error }) => (error instanceof Error ? error.message : String(error))).join('\n'));
        all.stack = undefined;
        throw all;
      }
    },
  };
}
