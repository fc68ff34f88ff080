/**
 * Reading a build's cost out of what it already records: the phases from Astro's log (its own
 * "Completed in" lines, the per-route "(+N ms)" timings, the integrations' lines), and a
 * `node --cpu-prof` profile summarised by self time per function and per component.
 */

export interface BuildPhases {
  /** Content sync and type generation ("Collecting build info"). */
  contentSyncMs: number | null;
  /** Vite bundling every page as a module ("Building static entrypoints"). */
  bundlingMs: number | null;
  /** Writing every route ("generating static routes"), cite downloads included. */
  renderingMs: number | null;
  /**
   * The /cite/ downloads (BibTeX, RIS, CSL-JSON): the time the build waited for them after
   * rendering (they are written by a worker thread beside it: integration/build-done-writers.ts),
   * or, from builds that rendered them as routes, those routes' time.
   */
  citeDownloadsMs: number;
  /** Of rendering: archived source pages (/sources/<id>/). */
  sourcePagesMs: number;
  /** Of rendering: every other route (explainer pages, indexes, data files). */
  otherRoutesMs: number;
  previewImagesMs: number | null;
  pagefindMs: number | null;
  distCheckMs: number | null;
  /** Astro's own total ("N page(s) built in …"). */
  astroTotalMs: number | null;
}

/** "1m 18s", "37.42s", "824ms" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?$|^([\d.]+)ms$/.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) throw new Error(`bench: not a duration: "${text}"`);
  if (match[3] !== undefined) return Math.round(Number(match[3]));
  return Math.round((Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 1000);
}

const duration = String.raw`((?:\d+m\s*)?[\d.]+m?s)`;

export function parsePhases(log: string): BuildPhases {
  // Astro colours its log unless told not to; the figures are read from the text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts a colour code
  const text = log.replace(/\x1b\[[0-9;]*m/g, '');
  const lines = text.split('\n');
  const after = (marker: RegExp, pattern: RegExp): number | null => {
    const start = lines.findIndex((line) => marker.test(line));
    if (start < 0) return null;
    for (const line of lines.slice(start + 1)) {
      const match = pattern.exec(line);
      if (match) return parseDuration(match[1]);
    }
    return null;
  };
  const vite = [...text.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${duration}`, 'g'))].map((m) => parseDuration(m[1]));
  const routes = { cite: 0, sources: 0, other: 0 };
  // A route's timing may come lines after its path, when a warning is printed in between.
  let route: string | undefined;
  for (const line of lines) {
    const path = /[├└]─ (\/\S*?)(?=\d\d:\d\d:\d\d|\s|$)/.exec(line);
    if (path) route = path[1];
    const time = new RegExp(String.raw`\(\+${duration}\)`).exec(line);
    if (!time || route === undefined) continue;
    const key = route.startsWith('/cite/') ? 'cite' : /^\/sources\/[^/]+\//.test(route) ? 'sources' : 'other';
    routes[key] += parseDuration(time[1]);
    route = undefined;
  }
  const pagefind = /\[explainer-search\] indexed \d+ pages in (\d+) ms/.exec(text);
  const previews = /\[explainer-(?:preview-images|build-writers)\] drew .*?in (\d+) ms/.exec(text);
  const citeWait = /\[explainer-build-writers\] wrote \d+ citation downloads .*?(\d+) ms after/.exec(text);
  const distCheck = /\[explainer-build-checks\] .*\((\d+) ms\)/.exec(text);
  const total = new RegExp(String.raw`\[build\] \d+ page\(s\) built in ${duration}`).exec(text);
  return {
    contentSyncMs: after(/Collecting build info/, new RegExp(String.raw`\[build\] ✓ Completed in ${duration}`)),
    bundlingMs: vite.length ? vite.reduce((a, b) => a + b, 0) : null,
    renderingMs: after(/generating static routes/, new RegExp(String.raw`^\S* ?✓ Completed in ${duration}`)),
    citeDownloadsMs: routes.cite + (citeWait ? Number(citeWait[1]) : 0),
    sourcePagesMs: routes.sources,
    otherRoutesMs: routes.other,
    previewImagesMs: previews ? Number(previews[1]) : null,
    pagefindMs: pagefind ? Number(pagefind[1]) : null,
    distCheckMs: distCheck ? Number(distCheck[1]) : null,
    astroTotalMs: total ? parseDuration(total[1]) : null,
  };
}

/** The parts of a V8 .cpuprofile the summary reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

/** Which part of the build a script belongs to: one of ours (packages/cited-explainer/<folder>), a package, or Node/V8. */
export function component(url: string): string {
  if (url === '') return '(V8: GC, idle, native)';
  if (url.startsWith('node:')) return 'node: built-ins';
  const ours = /\/packages\/cited-explainer\/([^/]+)\//.exec(url);
  if (ours && !url.includes('/node_modules/')) return `packages/cited-explainer/${ours[1]}`;
  const packages = url.split('/node_modules/');
  if (packages.length > 1) {
    const last = packages.at(-1)!.split('/');
    return last[0].startsWith('@') ? `${last[0]}/${last[1]}` : last[0];
  }
  // Astro's bundled build output (chunks under the output folder) is the site's own code, compiled.
  return /\/(?:chunks|pages|\.prerender)\//.test(url) ? 'site bundle (compiled pages and routes)' : 'other';
}

/**
 * Self time per function and per component over one or more profiles (each thread writes its
 * own): the top `limit` of each, with their share of all samples.
 */
export function summariseProfiles(profiles: readonly CpuProfile[], limit = 25): { totalMs: number; functions: ProfileEntry[]; components: ProfileEntry[] } {
  const byFunction = new Map<string, number>();
  const byComponent = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      if (!frame || delta <= 0) return;
      const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(packages\/cited-explainer|scripts)\//, '$1/');
      const name = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
      const part = component(frame.url);
      byComponent.set(part, (byComponent.get(part) ?? 0) + delta);
      total += delta;
    });
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => ({ name, selfMs: Math.round(micros / 1000), share: Number((micros / total).toFixed(4)) }));
  return { totalMs: Math.round(total / 1000), functions: top(byFunction), components: top(byComponent) };
}

/** Memory of one phase of a build, in MB, from the samples taken in it. */
export interface PhaseMemory {
  phase: 'content sync' | 'bundling' | 'rendering' | 'after rendering';
  /** RSS at the phase's first sample and its highest. */
  startRssMB: number;
  peakRssMB: number;
  /** The JavaScript heap (used) at its highest. */
  peakHeapMB: number;
}

const MB = 1024 * 1024;
const secondOfDay = (line: string | undefined) => {
  const match = line && /^(\d\d):(\d\d):(\d\d)/.exec(line);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
};

/**
 * Memory per phase: the sampler's lines (bench-memory-sampler.ts) against the build log's own
 * timestamps (to the second, so a sample within a second of a phase's start may be counted in the
 * phase before). Content sync runs from the first line to "Building static entrypoints", bundling
 * to the routes' generation, rendering to its "✓ Completed", then the integrations' work (search
 * index, citation downloads and preview images, the checks).
 */
export function memoryByPhase(log: string, samples: string): PhaseMemory[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts a colour code
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const at = (pattern: RegExp, from = 0) => lines.findIndex((line, i) => i >= from && pattern.test(line));
  const bundling = at(/\[build\] Building static entrypoints/);
  const rendering = at(/\[build\] Rearranging server assets/);
  const rendered = at(/^\d\d:\d\d:\d\d ✓ Completed in/, rendering);
  const starts = [secondOfDay(lines.find((line) => secondOfDay(line) !== undefined)), secondOfDay(lines[bundling]), secondOfDay(lines[rendering]), secondOfDay(lines[rendered])];
  if (starts.some((start) => start === undefined)) return [];
  const phases: PhaseMemory['phase'][] = ['content sync', 'bundling', 'rendering', 'after rendering'];
  const rows = samples
    .trim()
    .split('\n')
    .map((line) => line.split(' ').map(Number))
    .filter((row) => row.length === 4 && row[0] >= starts[0]!);
  return phases.flatMap((phase, i) => {
    const inPhase = rows.filter(([second]) => second >= starts[i]! && (i === phases.length - 1 || second < starts[i + 1]!));
    if (inPhase.length === 0) return [];
    return [
      {
        phase,
        startRssMB: Math.round(inPhase[0][1] / MB),
        peakRssMB: Math.round(Math.max(...inPhase.map((row) => row[1])) / MB),
        peakHeapMB: Math.round(Math.max(...inPhase.map((row) => row[2])) / MB),
      },
    ];
  });
}
