import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backgroundSteps, buildStep, buildStepInBackground } from '../../packages/cited-explainer/lib/build-step.ts';

/** Runs `body` in a fresh Node process (the project's Node 24) with buildStep imported. */
function runNode(body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'build-step-'));
  try {
    const script = join(dir, 'step.ts');
    writeFileSync(script, `import { backgroundSteps, buildStep, buildStepInBackground } from ${JSON.stringify(resolve('packages/cited-explainer/lib/build-step.ts'))};\n${body}\n`);
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

describe('buildStepInBackground', () => {
  it('runs the step while the caller goes on; backgroundSteps waits for every step started, once', async () => {
    const done: string[] = [];
    buildStepInBackground('search index', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done.push('index');
    });
    done.push('check');
    await backgroundSteps();
    expect(done).toEqual(['check', 'index']);
    await expect(backgroundSteps()).resolves.toBeUndefined();
  });

  it('keeps a failure for backgroundSteps, named, with no unhandled rejection before it is waited for', async () => {
    buildStepInBackground('search index (Pagefind)', async () => Promise.reject(new Error('Pagefind could not index a.html')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(backgroundSteps()).rejects.toThrow(/^search index \(Pagefind\): Pagefind could not index a\.html$/);
  });

  it('waits for every step to its end, and reports every failure in the order the steps were started', async () => {
    let indexEnded = false;
    buildStepInBackground('search index (Pagefind)', async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      indexEnded = true;
      throw new Error('Pagefind could not index a.html');
    });
    buildStepInBackground('dist check', async () => Promise.reject(new Error('cannot read b.html')));
    await expect(backgroundSteps()).rejects.toThrow(/^search index \(Pagefind\): Pagefind could not index a\.html\ndist check: cannot read b\.html$/);
    expect(indexEnded).toBe(true);
  });

  it('fails the process when a background step never finishes', () => {
    const run = runNode("buildStepInBackground('search index', () => new Promise(() => {})); void backgroundSteps();");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^search index: stopped before finishing/m);
    // And an unhandled failure would end the process with its stack: it is held for backgroundSteps instead.
    const failed = runNode(
      "buildStepInBackground('search index', async () => { throw new Error('x'); }); await new Promise((r) => setTimeout(r, 20)); await backgroundSteps().catch((e) => console.log(e.message));",
    );
    expect({ status: failed.status, stdout: failed.stdout.trim(), stderr: failed.stderr }).toEqual({ status: 0, stdout: 'search index: x', stderr: '' });
    // A failure nothing waits for still fails the process, with its error.
    const unwaited = runNode("buildStepInBackground('search index', async () => { throw new Error('x'); });");
    expect({ status: unwaited.status, stderr: unwaited.stderr.trim() }).toEqual({ status: 1, stderr: 'search index: x (and nothing waited for this step)' });
  });
});
