import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldPosition } from '../../packages/cited-explainer/lib/field-position.ts';
import { loadSiteConfig } from '../../packages/cited-explainer/lib/site-config.ts';
import { placeholderDomain, siteConfigSchema } from '../../packages/cited-explainer/schemas/site.ts';

const site = { title: 'River Town flood', description: 'A test explainer.', nav: [{ label: 'Sources', href: '/sources/' }], corrections: { text: 'Write to the editors.' }, licence: 'CC BY 4.0' };
const issues = (patch: Record<string, unknown>) => {
  const result = siteConfigSchema.safeParse({ ...site, ...patch });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('site.json', () => {
  it('accepts a complete site, with lang "en" by default', () => {
    expect(siteConfigSchema.parse(site).lang).toBe('en');
    expect(
      issues({
        lang: 'en-GB',
        url: 'https://river.town/',
        nav: [
          { label: 'Home', href: '/' },
          { label: 'Council', href: 'https://council.town/floods' },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses a lang that is not a BCP 47 tag, such as the one that crashed search indexing (issue 12.3)', () => {
    for (const lang of ['en</language><evil>injected</evil><language>en', 'en_GB', 'english language', 'e', 'en-', `en-${'a'.repeat(40)}`]) {
      expect(issues({ lang }), lang).toEqual(['lang: must be a BCP 47 language tag, such as "en" or "en-GB"']);
    }
    for (const lang of ['en', 'hy-AM', 'az-Latn-AZ', 'sr-Cyrl']) expect(issues({ lang }), lang).toEqual([]);
  });

  it('accepts only an http(s) url (issue 12.9)', () => {
    for (const url of ['javascript:alert(document.domain)//', 'data:text/html,hi', 'ftp://river.town/', 'river.town', 'https://user:pw@river.town/', 'https://river .town/']) {
      expect(issues({ url }), url).toEqual(['url: must be an absolute address starting with http:// or https://']);
    }
  });

  it('accepts only site-relative or http(s) nav hrefs (issue 12.9)', () => {
    for (const href of ['javascript:alert(1)', '//evil.town/', '/\\evil.town', 'about/', 'data:text/html,x', 'mailto:a@b']) {
      expect(issues({ nav: [{ label: 'x', href }] }), href).toEqual(['nav.0.href: must be a path on this site starting with one "/" (such as /about/) or an http(s) address']);
    }
  });

  it('refuses unknown keys, control characters, empty and overlong text', () => {
    expect(issues({ titel: 'x' })).toEqual([': Unrecognized key: "titel"']);
    expect(issues({ title: 'River\u0007 Town' })).toEqual(['title: contains U+0007, a control character, at character 6: remove it']);
    expect(issues({ corrections: { text: 'Write\nto us' } })).toEqual(['corrections.text: contains U+000A, a control character, at character 6: remove it']);
    expect(issues({ licence: '   ' })).toEqual(['licence: must not be empty']);
    expect(issues({ description: 'x'.repeat(501) })).toEqual(['description: must be at most 500 characters']);
    expect(issues({ nav: [{ label: 'x\u0085', href: '/' }] })).toEqual(['nav.0.label: contains U+0085, a control character, at character 2: remove it']);
  });
});

describe('placeholderDomain', () => {
  it('finds example.com, .org and .net and their subdomains, in any field', () => {
    expect(placeholderDomain({ url: 'https://river-town.example.org/' })).toEqual({ path: ['url'], domain: 'river-town.example.org' });
    expect(placeholderDomain({ nav: [{ href: '/' }, { href: 'http://EXAMPLE.com' }] })).toEqual({ path: ['nav', 1, 'href'], domain: 'EXAMPLE.com' });
    expect(placeholderDomain({ corrections: 'Write to corrections@example.net.' })).toEqual({ path: ['corrections'], domain: 'example.net' });
  });
  it('leaves other domains alone', () => {
    expect(placeholderDomain({ a: 'https://counterexample.org/', b: 'https://example.org.am/', c: 'example.education' })).toBeUndefined();
  });
});

describe('loadSiteConfig', () => {
  it('names site.json, the line and the field, in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-json-'));
    try {
      const json = JSON.stringify(
        {
          ...site,
          nav: [
            { label: 'a', href: '/a/' },
            { label: 'b', href: 'javascript:x' },
          ],
        },
        null,
        2,
      );
      writeFileSync(join(dir, 'site.json'), json);
      const line = json.split('\n').findIndex((text) => text.includes('javascript:x')) + 1;
      expect(() => loadSiteConfig(dir)).toThrow(new RegExp(`site\\.json:${line}: field "nav\\.1\\.href": must be a path on this site`));
      const unknown = JSON.stringify({ ...site, colour: 'red' }, null, 2);
      writeFileSync(join(dir, 'site.json'), unknown);
      const colourLine = unknown.split('\n').findIndex((text) => text.includes('colour')) + 1;
      expect(() => loadSiteConfig(dir)).toThrow(new RegExp(`site\\.json:${colourLine}: Unrecognized key: "colour"\n {2}remove it`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the published address from SITE_URL (a deploy’s setting), refuses a bad one and one that disagrees with site.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-json-'));
    try {
      writeFileSync(join(dir, 'site.json'), JSON.stringify(site, null, 2));
      expect(loadSiteConfig(dir, {}).url).toBeUndefined();
      expect(loadSiteConfig(dir, { SITE_URL: 'https://someone.github.io/river/' }).url).toBe('https://someone.github.io/river/');
      expect(() => loadSiteConfig(dir, { SITE_URL: 'someone.github.io' })).toThrow(/^SITE_URL: someone\.github\.io: /);
      expect(() => loadSiteConfig(dir, { SITE_URL: 'https://example.org/' })).toThrow(/^SITE_URL: https:\/\/example\.org\/: /);
      const withUrl = JSON.stringify({ ...site, url: 'https://river.news/' }, null, 2);
      writeFileSync(join(dir, 'site.json'), withUrl);
      const urlLine = withUrl.split('\n').findIndex((text) => text.includes('"url"')) + 1;
      expect(loadSiteConfig(dir, { SITE_URL: 'https://river.news/' }).url).toBe('https://river.news/');
      expect(() => loadSiteConfig(dir, { SITE_URL: 'https://someone.github.io/river/' })).toThrow(
        new RegExp(`site\\.json:${urlLine}: field "url": https://river\\.news/ differs from SITE_URL=https://someone\\.github\\.io/river/`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a field’s line is found after the one before of the same name', () => {
    const json = '{\n  "href": "/",\n  "nav": [\n    { "href": "/a/" }\n  ]\n}';
    expect(fieldPosition(json, ['nav', 0, 'href'])?.line).toBe(4);
  });
});
