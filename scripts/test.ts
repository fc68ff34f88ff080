import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * npm test: the type check (`npm run typecheck`), the lint (`npm run lint`) and Vitest at the same
 * time, rather than one after the other: the type check and the lint each use one core for seconds
 * while Vitest's builds and crawls wait on Chromium. Vitest prints as it goes; the type check and
 * the lint are held back and printed whole when each ends, so outputs never interleave line by line.
 * Fails when any of the three fails, after all three have finished.
 */
interface Check {
  name: string;
  command: string;
  args: string[];
}

const checks: Check[] = [
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
];

/** Runs a check with its output held back, then prints one block: a line when it passed, its whole output when it failed. */
function runHeldBack({ name, command, args }: Check): Promise<boolean> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (status) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      const ok = status === 0;
      const heading = `npm test: ${name} (${[command, ...args].join(' ')}) ${ok ? 'passed' : `FAILED (exit ${status})`} in ${seconds} s`;
      process.stdout.write(ok ? `\n${heading}\n` : `\n${heading}:\n${output.trimEnd()}\n\n`);
      done(ok);
    });
  });
}

/** Runs Vitest with the terminal as its own, as `vitest run` alone would. */
function runVitest(): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve('node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
    child.on('error', (error) => {
      process.stderr.write(`npm test: could not start vitest: ${error.message}\n`);
      done(false);
    });
    child.on('close', (status) => done(status === 0));
  });
}

const results = await Promise.all([runVitest(), ...checks.map(runHeldBack)]);
const failed = ['vitest', ...checks.map((check) => check.name)].filter((_, index) => !results[index]);
if (failed.length > 0) {
  process.stderr.write(`npm test: failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
