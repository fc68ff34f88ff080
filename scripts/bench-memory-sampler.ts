import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * Preloaded into a bench build (node --import scripts/bench-memory-sampler.ts, with
 * BENCH_MEMORY_LOG=<file>): every 250 ms appends one line "<local second of the day> <RSS> <JS heap
 * used> <external and array buffers>" (bytes) of the build's main process (its worker thread
 * included, Pagefind's own process not), so that the bench can read memory per phase against the
 * build log's timestamps (bench-phases.ts, memoryByPhase).
 */
const file = process.env.BENCH_MEMORY_LOG;
// Worker threads inherit the flag that preloads this: only the main thread samples.
if (file && isMainThread) {
  const sample = () => {
    const now = new Date();
    const second = now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds() + now.getMilliseconds() / 1000;
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    appendFileSync(file, `${second.toFixed(3)} ${rss} ${heapUsed} ${external + arrayBuffers}\n`);
  };
  setInterval(sample, 250).unref();
  process.on('exit', sample);
}
