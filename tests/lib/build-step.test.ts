import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStep } from '../../packages/cited-explainer/lib/build-step.ts';

/** Runs `body` in a fresh Node process (the project's Node 24) with buildStep imported. */
function runNode(body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'build-step-'));
  try {
    const script = join(dir, 'step.ts');
    writeFileSync(script, `import { buildStep } from ${JSON.stringify(resolve('packages/cited-explainer/lib/build-step.ts'))};\n${body}\n`);
    return spawnSync(resolve('node_modules/.bin/node'), [script], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('buildStep', () => {
  it('fails the process when the step never finishes, as when Pagefind panics (issue 12.3)', () => {
    // Nothing keeps the event loop alive: without buildStep the process exits 0, as `astro build` did.
    expect(runNode('void (async () => { await new Promise(() => {}); })();').status).toBe(0);
    const run = runNode("void (async () => { await buildStep('search index', () => new Promise(() => {})); })();");
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^search index: stopped before finishing .*must not be published$/)]);
  });

  it('names the step in the error of a step that fails', async () => {
    await expect(buildStep('preview images', async () => Promise.reject(new Error('dist/a/index.html: bad title')))).rejects.toThrow(/^preview images: dist\/a\/index\.html: bad title$/);
  });

  it('returns what the step returns, and leaves no listener behind', async () => {
    const listeners = process.listenerCount('beforeExit');
    await expect(buildStep('x', async () => 42)).resolves.toBe(42);
    expect(process.listenerCount('beforeExit')).toBe(listeners);
  });
});
