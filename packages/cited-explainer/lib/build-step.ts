/**
 * Runs one step of the build that happens after Astro has written the pages (an integration's
 * astro:build:done work: search index, preview images, the dist check) so that it cannot fail
 * silently. An error fails the build with one line naming the step. A step that never finishes
 * fails it too: when a helper process dies (Pagefind panics on some input), the promise waiting
 * for its answer stays pending, nothing is left to run, and Node would exit 0 with the work undone.
 */
export async function buildStep<T>(name: string, run: () => Promise<T>): Promise<T> {
  const unfinished = () => {
    process.exitCode = 1;
    console.error(`${name}: stopped before finishing (a helper process ended without answering); the build is incomplete and must not be published`);
  };
  process.once('beforeExit', unfinished);
  try {
    return await run();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    process.off('beforeExit', unfinished);
  }
}
