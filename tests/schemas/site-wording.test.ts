import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/site-config.ts';
import { siteConfigSchema } from '../../src/schemas/site.ts';

/**
 * The topic-dependent wording of site.json (scope line, actors index, incidents timeline): each
 * field optional with a default that fits any topic, each validated as the other text fields.
 */
const site = { title: 'River Town flood', description: 'A test explainer.', nav: [{ label: 'Sources', href: '/sources/' }], corrections: { text: 'Write to the editors.' }, licence: 'CC BY 4.0' };

describe('site.json: wording that depends on the topic', () => {
  it('has defaults that name no conflict: no parties, no sides', () => {
    const { scope, indexes } = siteConfigSchema.parse(site);
    expect(scope).toEqual({ basedOn: 'Based on reporting', noSources: 'This page cites no reporting.', later: 'Later events are not described here.' });
    expect(indexes.incidents.partiesLabel).toBe('Involved');
    expect(indexes.incidents.partyRole).toBe('one of those involved');
    const words = JSON.stringify(indexes);
    expect(words).not.toMatch(/\b(?:part(?:y|ies)|sides?|conflict|states?|ministr(?:y|ies)|armed forces)\b/i);
  });

  it('takes the wording an explainer gives, field by field, keeping the defaults of the rest', () => {
    const parsed = siteConfigSchema.parse({ ...site, scope: { later: null }, indexes: { incidents: { partiesLabel: 'Parties', partyRole: 'a party' } } });
    expect(parsed.scope).toEqual({ basedOn: 'Based on reporting', noSources: 'This page cites no reporting.', later: null });
    expect(parsed.indexes.incidents).toMatchObject({ partiesLabel: 'Parties', partyRole: 'a party', intro: 'Every event the archived sources report, oldest first. Each summary is cited.' });
    expect(parsed.indexes.actors.intro).toMatch(/^The people and bodies/);
  });

  it('refuses unknown keys, empty, multi-line and overlong wording', () => {
    const issues = (patch: Record<string, unknown>) => {
      const result = siteConfigSchema.safeParse({ ...site, ...patch });
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(issues({ indexes: { incidents: { partiesLable: 'Sides' } } })).toEqual(['indexes.incidents: Unrecognized key: "partiesLable"']);
    expect(issues({ indexes: { actors: { intro: '' } } })).toEqual(['indexes.actors.intro: must not be empty']);
    expect(issues({ scope: { basedOn: 'Based on\nreporting' } })).toEqual(['scope.basedOn: contains U+000A, a control character, at character 9: remove it']);
    expect(issues({ indexes: { incidents: { partiesLabel: 'x'.repeat(61) } } })).toEqual(['indexes.incidents.partiesLabel: must be at most 60 characters']);
  });

  it('names site.json, the line and the field of a bad wording', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-wording-'));
    try {
      writeFileSync(join(dir, 'site.json'), JSON.stringify({ ...site, indexes: { incidents: { partiesLabel: '' } } }, null, 2));
      expect(() => loadSiteConfig(dir)).toThrow(/site\.json:\d+: field "indexes\.incidents\.partiesLabel": must not be empty/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the real explainer keeps its conflict wording in its content, not in the generator', () => {
    const real = loadSiteConfig('content');
    expect(real.indexes.incidents).toMatchObject({ partiesLabel: 'Parties', partyRole: 'a party' });
    expect(real.indexes.incidents.intro).toContain('each side’s account');
  });
});
