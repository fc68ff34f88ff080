import { describe, expect, it } from 'vitest';
import { contentRoute, routeCollisions } from '../../packages/cited-explainer/lib/routes.ts';

/** The generator's routes as Astro names them (packages/cited-explainer/routes/ and injected routes). */
const generated = [
  '/404',
  '/[...slug]',
  '/[feed].xml',
  '/actors/[...index]',
  '/actors/[slug]',
  '/citations.json',
  '/cite/[...file]',
  '/data/[file]',
  '/data',
  '/glossary/[...index]',
  '/incidents/[id]',
  '/search',
  '/sources.json',
  '/sources/[id]',
  '/sources',
  '/pagefind/aliases.json',
  '/_headers',
];
const pages = (...files: string[]) => files.map((file) => ({ file: `content/pages/${file}`, route: contentRoute(file) }));

describe('contentRoute', () => {
  it('is the file path without extension, slugged as Astro does, index as its folder', () => {
    expect(contentRoute('index.mdx')).toBe('/');
    expect(contentRoute('Background.mdx')).toBe('/background/');
    expect(contentRoute('corridors/index.mdx')).toBe('/corridors/');
    expect(contentRoute('corridors/Lachin Road.mdx')).toBe('/corridors/lachin-road/');
  });
});

describe('routeCollisions (issue 12.8)', () => {
  it('finds two pages at one address, ignoring case, naming both files', () => {
    expect(routeCollisions(pages('background.mdx', 'Background.mdx'), generated)).toEqual([
      { file: 'content/pages/background.mdx', message: 'its address /background/ is also that of content/pages/Background.mdx (addresses ignore case): rename one of them' },
    ]);
    expect(routeCollisions(pages('a/index.mdx', 'A.mdx'), generated)).toHaveLength(1);
  });

  it('finds two names that differ only in Unicode normalisation (NFC and NFD), and says so', () => {
    const [collision, ...rest] = routeCollisions(pages('caf\u00e9.mdx', 'cafe\u0301.md'), generated);
    expect(rest).toEqual([]);
    expect(collision.message).toContain('the names differ only in how an accented letter is encoded (NFC or NFD), which is one address');
  });

  it('finds a page at an address the generator publishes, in any case', () => {
    for (const file of [
      'search.mdx',
      'Sources.mdx',
      'sources/extra.mdx',
      'actors/index.mdx',
      'incidents/x.mdx',
      'glossary.mdx',
      'data.mdx',
      'cite/a.mdx',
      '404.mdx',
      'pagefind/x.mdx',
      '_headers.mdx',
    ]) {
      const errors = routeCollisions(pages(file), generated);
      expect(errors, file).toHaveLength(1);
      expect(errors[0].message).toMatch(/^its address \/.*\/ is the generator's own \(\/.+\): rename the page$/);
    }
  });

  it('leaves distinct pages alone, the home page and nested pages included', () => {
    expect(routeCollisions(pages('index.mdx', 'background.mdx', 'corridors/index.mdx', 'corridors/lachin.mdx', 'about.mdx', 'searching.mdx', 'sources-note.mdx'), generated)).toEqual([]);
  });

  it('a generated home page owns "/"', () => {
    expect(routeCollisions(pages('index.mdx'), ['/'])).toHaveLength(1);
  });
});
