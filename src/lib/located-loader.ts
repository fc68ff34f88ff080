import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { dataError } from './data-errors.ts';

/**
 * Wraps a file loader (Astro's glob) so that an entry whose data fails its schema stops the
 * build with the file and the line of the field, before Astro's own check runs.
 */
export function withDataLines(loader: Loader, schema: z.ZodType): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: async (props) => {
          const checked = await schema.safeParseAsync(props.data);
          if (!checked.success && props.filePath) {
            throw dataError(relative(process.cwd(), props.filePath), readFileSync(props.filePath, 'utf8'), checked.error);
          }
          return context.parseData(props);
        },
      }),
  };
}
