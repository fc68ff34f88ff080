import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a machine with no network: without the background-networking
 * flags Chromium keeps trying to reach Google's hosts. Playwright adds --headless itself and runs
 * every launch in a fresh, empty temporary user data dir that it deletes on close.
 *
 * The last three make the same checks cost less CPU (the shared crawl of the real site: 166–169
 * CPU-seconds against 187–224 without them, measured in a cgroup, Chromium's renderers included):
 * compositing in the browser's own process and one renderer per site pass fewer messages between
 * processes, costly on these virtual machines; a test never goes back a page (no back-forward
 * cache), never looks at the previous page while the next loads (no paint holding), and has no
 * use for translation, optimisation hints or casting.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--in-process-gpu',
  '--process-per-site',
  '--disable-features=Translate,OptimizationHints,MediaRouter,BackForwardCache,PaintHolding',
];

/** Throws, with what to do, when there is no Chromium: browser checks fail, they never skip. */
export function assertChromium(): void {
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}; the browser checks (accessibility, privacy, print, no-JS) need it. ` +
        'Install it with `sh scripts/ensure-test-deps.sh` (as root: apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for every browser check a worker runs: the site files of a Vitest worker thread (they
 * share its modules, isolate: false) or the global setup's crawls. A launch costs about 1.5 s of
 * CPU; each user opens a context of its own and closes it. Playwright ends the browser when the
 * process exits; one that crashes is launched again on the next call.
 */
export function sharedChromium(): Promise<Browser> {
  if (shared) return shared;
  const launched = launchChromium().then(
    (browser) => {
      browser.on('disconnected', () => {
        if (shared === launched) shared = undefined;
      });
      return browser;
    },
    (error: unknown) => {
      // A failed launch is tried again by the next caller, not remembered.
      if (shared === launched) shared = undefined;
      throw error;
    },
  );
  shared = launched;
  return launched;
}

/** Closes the shared Chromium, if one was launched: for a process that must not wait for its exit. */
export async function closeSharedChromium(): Promise<void> {
  const browser = await shared?.catch(() => undefined);
  shared = undefined;
  await browser?.close();
}
