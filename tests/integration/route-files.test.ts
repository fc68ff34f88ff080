import { describe, expect, it } from 'vitest';
import { routeFiles, routePattern } from '../../packages/cited-explainer/integration/route-files.ts';

describe('routePattern', () => {
  it('names a route file as Astro names a page file', () => {
    expect(routePattern('404.astro')).toBe('/404');
    expect(routePattern('[...slug].astro')).toBe('/[...slug]');
    expect(routePattern('[feed].xml.ts')).toBe('/[feed].xml');
    expect(routePattern('data/index.astro')).toBe('/data');
    expect(routePattern('actors/[slug].astro')).toBe('/actors/[slug]');
    expect(routePattern('data\\sources.bib.ts')).toBe('/data/sources.bib');
  });
});

describe('routeFiles', () => {
  it('lists every page the generator publishes, in a stable order', () => {
    const files = routeFiles('packages/cited-explainer/routes');
    expect(files).toEqual([...files].sort());
    expect(files).toContain('[...slug].astro');
    expect(files).toContain('sources/[id].astro');
    expect(files.every((file) => /\.(astro|ts)$/.test(file))).toBe(true);
  });
});
