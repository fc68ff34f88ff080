import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { ContentError } from './content-error.ts';
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
 * stops the build with the file and the line of the field, before Astro's own check runs; and a
 * YAML data file Astro could not parse, with the line to fix and how (yaml-errors.ts).
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
              const checked = await schema.safeParseAsync(dataAsWritten(props.filePath, text, props.data));
              if (!checked.success) throw dataError(relative(process.cwd(), props.filePath), text, checked.error);
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
