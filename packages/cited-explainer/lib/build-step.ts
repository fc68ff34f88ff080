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

/** Steps started in the background and not yet waited for, in the order they were started. */
let inBackground: Array<{ step: Promise<unknown>; waitedFor: boolean }> = [];

/**
 * Starts a build step that the next integrations' steps need not wait for (the search index, made by
 * Pagefind's own process while the dist check scans the pages). `backgroundSteps` waits for every
 * step started; the build publishes nothing before it has (integration/publish.ts). A step that
 * fails and is never waited for still fails the process, when it would exit.
 */
export function buildStepInBackground(name: string, run: () => Promise<unknown>): void {
  const started = { step: buildStep(name, run), waitedFor: false };
  started.step.catch((error: unknown) => {
    process.once('beforeExit', () => {
      if (started.waitedFor) return;
      process.exitCode = 1;
      console.error(`${error instanceof Error ? error.message : String(error)} (and nothing waited for this step)`);
    });
  });
  inBackground.push(started);
}

/**
 * Waits for every step started in the background so far, each to its end; rejects with their
 * errors in the order the steps were started (the search index's before the dist check's).
 */
export async function backgroundSteps(): Promise<void> {
  const steps = takeBackgroundSteps();
  const failures = (await Promise.allSettled(steps.map(({ step }) => step))).flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new Error(failures.map((error) => (error instanceof Error ? error.message : String(error))).join('\n'));
}

/** Forgets the steps an earlier build in this process left (a build that failed before waiting for them). */
export function forgetBackgroundSteps(): void {
  takeBackgroundSteps();
}

/** The steps started so far, marked as waited for; none is left. */
function takeBackgroundSteps() {
  const steps = inBackground;
  inBackground = [];
  for (const started of steps) started.waitedFor = true;
  return steps;
}
