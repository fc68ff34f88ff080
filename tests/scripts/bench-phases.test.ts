import { describe, expect, it } from 'vitest';
import { type CpuProfile, component, memoryByPhase, parseDuration, parsePhases, summariseProfiles } from '../../scripts/bench-phases.ts';

// The shape of an `astro build` log (Astro 7), trimmed to the lines the phases are read from.
const log = [
  '17:24:44 [content] Syncing content',
  '17:24:49 [build] Collecting build info...',
  '17:24:49 [build] ✓ Completed in 8.10s.',
  '17:24:49 [build] Building static entrypoints...',
  '17:25:27 [vite] ✓ built in 37.42s',
  '17:25:28 [vite] ✓ built in 824ms',
  '17:25:28 [build] Rearranging server assets...',
  ' generating static routes ',
  '17:25:37   ├─ /_headers (+413ms) ',
  '17:25:38   ├─ /cite/index.bib/ (+10.77s) ',
  '17:25:49   ├─ /cite/index.ris/ (+29ms) ',
  '17:25:49   ├─ /sources/synthetic-source-0001/index.html17:25:49 [WARN] [content] The collection "incidents" does not exist or is empty.',
  ' (+120ms) ',
  '17:25:49   └─ /part-001/page-00001/index.html (+6ms) ',
  '17:26:08 ✓ Completed in 1m 2s.',
  '',
  '17:26:08 [build] ✓ Completed in 1m 18s.',
  '17:26:09 [explainer-preview-images] drew 10 link preview images (3 from the cache) in 950 ms',
  '17:26:10 [explainer-search] indexed 605 pages in 2287 ms',
  '17:26:11 [explainer-build-checks] the built site holds what it should and nothing else (759 ms)',
  '17:26:11 [build] 605 page(s) built in 1m 30s',
].join('\n');

describe('parseDuration', () => {
  it('reads the forms Astro prints', () => {
    expect(parseDuration('824ms')).toBe(824);
    expect(parseDuration('37.42s')).toBe(37_420);
    expect(parseDuration('1m 18s')).toBe(78_000);
  });
  it('refuses what is not a duration', () => {
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });
});

describe('parsePhases', () => {
  it('reads each phase from its own line', () => {
    expect(parsePhases(log)).toEqual({
      contentSyncMs: 8_100,
      bundlingMs: 37_420 + 824,
      renderingMs: 62_000,
      citeDownloadsMs: 10_770 + 29,
      sourcePagesMs: 120,
      otherRoutesMs: 413 + 6,
      previewImagesMs: 950,
      pagefindMs: 2_287,
      distCheckMs: 759,
      astroTotalMs: 90_000,
    });
  });
  it("reads the build writers' lines: the citation downloads waited for after rendering and the preview images", () => {
    const writers = [
      '17:26:08 [explainer-build-writers] wrote 1815 citation downloads in a worker thread beside rendering, 42 ms after it',
      '17:26:09 [explainer-build-writers] drew 600 link preview images (5 from the cache) in 1234 ms after rendering',
    ].join('\n');
    expect(parsePhases(writers)).toMatchObject({ citeDownloadsMs: 42, previewImagesMs: 1_234 });
  });
  it('leaves out what the log does not report, and ignores colour codes', () => {
    const phases = parsePhases('\x1b[32m17:00:00 [vite] ✓ built in 2.5s\x1b[39m');
    expect(phases.bundlingMs).toBe(2_500);
    expect(phases.pagefindMs).toBeNull();
    expect(phases.renderingMs).toBeNull();
  });
});

describe('summariseProfiles', () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(garbage collector)', '') },
      { id: 2, callFrame: frame('locate', 'file:///work/main/packages/cited-explainer/citations/resolve.ts') },
      { id: 3, callFrame: frame('parse', 'file:///work/main/node_modules/@mdx-js/mdx/lib/core.js') },
    ],
    samples: [2, 2, 3, 1, 2],
    timeDeltas: [1000, 1000, 2000, 500, 1000],
  };

  it('adds self time per function and per component, largest first', () => {
    const summary = summariseProfiles([profile, profile]);
    expect(summary.totalMs).toBe(11);
    expect(summary.functions[0]).toEqual({ name: 'locate packages/cited-explainer/citations/resolve.ts:10', selfMs: 6, share: Number((6 / 11).toFixed(4)) });
    expect(summary.components.map((c) => c.name)).toEqual(['packages/cited-explainer/citations', '@mdx-js/mdx', '(V8: GC, idle, native)']);
  });

  it('names components by package or by our folder', () => {
    expect(component('file:///p/node_modules/.pnpm/x/node_modules/citeproc/citeproc_commonjs.js')).toBe('citeproc');
    expect(component('file:///p/packages/cited-explainer/maps/svg.ts')).toBe('packages/cited-explainer/maps');
    expect(component('node:internal/fs/utils')).toBe('node: built-ins');
  });
});

describe('memoryByPhase', () => {
  const MB = 1024 * 1024;
  const sample = (second: string, rssMB: number, heapMB: number) => {
    const [h, m, sec] = second.split(':').map(Number);
    return `${h * 3600 + m * 60 + sec + 0.5} ${rssMB * MB} ${heapMB * MB} 0`;
  };
  it('counts each sample in the phase the log was in at its second', () => {
    const samples = [
      sample('17:24:40', 100, 10), // before the build's first line: left out
      sample('17:24:45', 300, 150),
      sample('17:24:50', 400, 160),
      sample('17:25:20', 1200, 300),
      sample('17:25:30', 900, 400),
      sample('17:26:09', 700, 200),
    ].join('\n');
    expect(memoryByPhase(log, samples)).toEqual([
      { phase: 'content sync', startRssMB: 300, peakRssMB: 300, peakHeapMB: 150 },
      { phase: 'bundling', startRssMB: 400, peakRssMB: 1200, peakHeapMB: 300 },
      { phase: 'rendering', startRssMB: 900, peakRssMB: 900, peakHeapMB: 400 },
      { phase: 'after rendering', startRssMB: 700, peakRssMB: 700, peakHeapMB: 200 },
    ]);
  });
  it("gives nothing for a log without the phases' lines", () => {
    expect(memoryByPhase('17:00:00 [vite] ✓ built in 2.5s', sample('17:00:00', 1, 1))).toEqual([]);
  });
});
