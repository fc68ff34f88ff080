import { describe, expect, it } from 'vitest';
import { english } from '../../packages/cited-explainer/i18n/strings.ts';
import { cssString, stringsStylesheet, virtualModules } from '../../packages/cited-explainer/integration/virtual-modules.ts';

const options = { contentDir: '/c', projectRoot: '/p', pageHtmlDir: '/h', site: {} as never, strings: english, components: {} as never, codeDigest: 'abc' };

describe('cssString', () => {
  it('quotes a text as a CSS string, escaping what would end or break it', () => {
    expect(cssString('Note: ')).toBe('"Note: "');
    expect(cssString('say "hi"')).toBe('"say \\"hi\\""');
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('one\ntwo')).toBe('"one\\a two"');
  });
});

describe('the strings stylesheet', () => {
  it('holds the locale’s note label, so a site in another language draws its own word', () => {
    expect(stringsStylesheet(english)).toBe(':root{--site-note-label:"Note: "}');
    const french = { ...english, layout: { ...english.layout, siteNoteLabel: 'Remarque : ' } };
    expect(stringsStylesheet(french)).toBe(':root{--site-note-label:"Remarque : "}');
  });

  it('is served as a virtual module', () => {
    const plugin = virtualModules(options);
    const id = plugin.resolveId('virtual:cited-explainer/strings.css');
    expect(id).toBe('\0virtual:cited-explainer/strings.css');
    expect(plugin.load(id as string)).toBe(stringsStylesheet(english));
  });

  // Pages rendered by other code are never copied into a build (lib/render-keys.ts).
  it('hands the pages the digest of the generator code', () => {
    const plugin = virtualModules(options);
    expect(plugin.load(plugin.resolveId('virtual:cited-explainer/config') as string)).toContain('export const codeDigest = "abc";');
  });
});
