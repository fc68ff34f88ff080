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

const inBackground: Array<Promise<unknown>> = [];

/**
 * Starts a build step that the next integrations' steps need not wait for (the search index, made by
 * Pagefind's own process while the dist check scans the pages). `backgroundSteps` waits for every
 * step started; the build publishes nothing before it has (integration/publish.ts).
 */
export function buildStepInBackground(name: string, run: () => Promise<unknown>): void {
  const step = buildStep(name, run);
  // Its error is the build's when the step is waited for, not an unhandled rejection before.
  step.catch(() => undefined);
  inBackground.push(step);
}

/** Waits for every step started in the background so far; rejects with the first one's error. */
export async function backgroundSteps(): Promise<void> {
  await Promise.all(inBackground.splice(0));
}
