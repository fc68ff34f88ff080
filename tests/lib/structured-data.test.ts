import { describe, expect, it } from 'vitest';
import { articleLd, breadcrumbListLd, breadcrumbs, jsonLdText } from '../../packages/cited-explainer/lib/structured-data.ts';

const home = { name: 'River Town', url: '/x/' };
const nav = [
  { name: 'Incidents', url: '/x/incidents/' },
  { name: 'Sources', url: '/x/sources/' },
];

describe('breadcrumbs', () => {
  it('goes home › section › page', () => {
    expect(breadcrumbs('/x/incidents/2024-05-01-flood/', 'The flood', home, nav).map((c) => c.name)).toEqual(['River Town', 'Incidents', 'The flood']);
  });
  it('stops at the section for the section page itself, and at home for home', () => {
    expect(breadcrumbs('/x/incidents/', 'Incidents', home, nav).map((c) => c.name)).toEqual(['River Town', 'Incidents']);
    expect(breadcrumbs('/x/', 'River Town', home, nav)).toEqual([home]);
  });
  it('takes the most specific section, and never home as a section', () => {
    const deeper = [{ name: 'Home again', url: '/x/' }, ...nav, { name: 'Bridges', url: '/x/incidents/bridges/' }];
    expect(breadcrumbs('/x/incidents/bridges/old/', 'Old bridge', home, deeper).map((c) => c.name)).toEqual(['River Town', 'Bridges', 'Old bridge']);
  });

  it('goes straight from home to a page outside the navigation', () => {
    expect(breadcrumbs('/x/about/', 'About', home, nav).map((c) => c.url)).toEqual(['/x/', '/x/about/']);
  });
});

describe('JSON-LD', () => {
  it('a BreadcrumbList with absolute items when the site address is known', () => {
    const ld = breadcrumbListLd([home, nav[0]], new URL('https://example.org/'));
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'River Town', item: 'https://example.org/x/' },
      { '@type': 'ListItem', position: 2, name: 'Incidents', item: 'https://example.org/x/incidents/' },
    ]);
  });

  it('an Article names each cited work, with its URL only where known', () => {
    const ld = articleLd(
      {
        title: 'The flood',
        description: 'What happened.',
        url: '/x/flood/',
        updated: '2024-06-01',
        siteTitle: 'River Town',
        cites: [
          { headline: 'Water rises', publisher: 'Town News', published: '2024-05-01', url: 'https://news.example/water' },
          { headline: 'Bridge shut', publisher: 'Town News', published: '2024-05-02', url: null },
        ],
      },
      undefined,
    );
    expect(ld.url).toBe('/x/flood/');
    expect(ld.citation[0]).toMatchObject({ headline: 'Water rises', url: 'https://news.example/water', publisher: { name: 'Town News' } });
    expect(ld.citation[1]).not.toHaveProperty('url');
  });

  it('cannot close its script element', () => {
    expect(jsonLdText({ headline: '</script><script>alert(1)</script>' })).not.toContain('<');
    expect(JSON.parse(jsonLdText({ a: '</script>' }))).toEqual({ a: '</script>' });
  });
});
