import { existsSync, statSync } from 'node:fs';

/**
 * Under `astro dev`, Astro's content layer renders a Markdown page when its file changes and only
 * logs an error it meets, keeping the last good page: the browser would show a page the build
 * refuses. The citation plugin records each page's error here, by file, and clears it when the page
 * passes; the page route throws a recorded error, so Astro's error overlay shows it with its file.
 * An error is kept with the file's modification time: a file restored to its last good text is not
 * rendered again (its digest is the stored one), so any later change to the file clears the error.
 * The plugin (loaded by Node with the integration) and the route (loaded by Vite) are separate
 * module instances in one process, so the record lives on globalThis.
 */
const key = Symbol.for('cited-explainer.content-errors');
const store = globalThis as typeof globalThis & { [key]?: Map<string, { error: Error; modified: number }> };
const errors = () => {
  store[key] ??= new Map();
  return store[key];
};

/** The page at `path` (absolute) failed with `error`, or passed (undefined). */
export function recordContentError(path: string, error: Error | undefined): void {
  if (error) errors().set(path, { error, modified: modifiedAt(path) });
  else errors().delete(path);
}

const modifiedAt = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** The error the page at `path` last failed with, if the file has not passed or changed since. */
export function pendingContentError(path: string): Error | undefined {
  const failed = errors().get(path);
  if (failed && failed.modified !== modifiedAt(path)) errors().delete(path);
  return errors().get(path)?.error;
}
