import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { publishWhenClean } from '../../packages/cited-explainer/integration/publish.ts';
import { buildStepInBackground } from '../../packages/cited-explainer/lib/build-step.ts';

type Hook = (options: Record<string, unknown>) => unknown;

/** The integration's hooks run as Astro runs them in a build, with a logger whose destination records what it is given. */
function build(outDir: string) {
  const integration = publishWhenClean();
  const hooks = integration.hooks as Record<string, Hook>;
  const written: string[] = [];
  const destination = { write: (event: { message: string }) => void written.push(event.message) };
  const logger = { options: { destination }, info: (message: string) => written.push(message) };
  let outDirSet: URL | undefined;
  hooks['astro:config:setup']({ command: 'build', config: { outDir: pathToFileURL(`${outDir}/`) }, updateConfig: ({ outDir }: { outDir: URL }) => (outDirSet = outDir), logger });
  /** What some layer of Astro logs through the shared destination. */
  const log = (level: string, message: string) => destination.write({ level, label: 'content', message } as never);
  return { hooks, log, logger, staging: outDirSet, written };
}

describe('publishWhenClean', () => {
  const root = mkdtempSync(join(tmpdir(), 'publish-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('sends the build to a staging folder and publishes it when the build is done', async () => {
    const outDir = join(root, 'a', 'dist');
    const run = build(outDir);
    expect(run.staging?.pathname).toBe(`${join(root, 'a', '.dist.building', 'site')}/`);
    writeFileSync(join(root, 'a', '.dist.building', 'site', 'index.html'), 'new');
    await run.hooks['astro:build:start']({});
    await run.hooks['astro:build:done']({ logger: run.logger });
    expect(readdirSync(outDir)).toEqual(['index.html']);
    expect(existsSync(join(root, 'a', '.dist.building'))).toBe(false);
  });

  it('publishes only once every step in the background has ended, and nothing when one failed', async () => {
    const outDir = join(root, 'c', 'dist');
    const run = build(outDir);
    writeFileSync(join(root, 'c', '.dist.building', 'site', 'index.html'), 'new');
    await run.hooks['astro:build:start']({});
    let indexWritten = false;
    buildStepInBackground('search index (Pagefind)', async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      indexWritten = true;
    });
    await run.hooks['astro:build:done']({ logger: run.logger });
    expect(indexWritten).toBe(true);
    expect(readdirSync(outDir)).toEqual(['index.html']);

    const failing = build(join(root, 'd', 'dist'));
    await failing.hooks['astro:build:start']({});
    buildStepInBackground('search index (Pagefind)', async () => Promise.reject(new Error('Pagefind could not start')));
    await expect(async () => failing.hooks['astro:build:done']({ logger: failing.logger })).rejects.toThrow('search index (Pagefind): Pagefind could not start');
    expect(existsSync(join(root, 'd', 'dist'))).toBe(false);
  });

  it('fails the build at the next hook when an error was only logged, and publishes nothing', async () => {
    const outDir = join(root, 'b', 'dist');
    const run = build(outDir);
    run.log('warn', 'a warning is not a failure');
    await run.hooks['astro:build:start']({});
    run.log('error', 'Invalid content reference: entry "x" references "y"\nmore detail');
    await expect(async () => run.hooks['astro:build:done']({ logger: run.logger })).rejects.toThrow(
      'the build logged an error, which fails it [content]: Invalid content reference: entry "x" references "y"',
    );
    expect(existsSync(outDir)).toBe(false);
    // It was still printed as Astro printed it.
    expect(run.written).toContain('Invalid content reference: entry "x" references "y"\nmore detail');
  });
});
