import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import citedExplainer from '../../packages/cited-explainer/integration/index.ts';

describe('citedExplainer options', () => {
  it('takes no options (the content folder is ./content)', () => {
    expect(citedExplainer().name).toBe('cited-explainer');
  });

  it('refuses an unknown or wrong option, naming it', () => {
    expect(() => citedExplainer({ contnet: 'x' } as never)).toThrow(/option "contnet": Unrecognized key/);
    expect(() => citedExplainer({ content: '' })).toThrow(/option "content": name the content folder/);
    expect(() => citedExplainer({ components: { Sidebar: './x.astro' } } as never)).toThrow(/option "components.Sidebar"/);
  });
});

describe('a site whose language has no reporting cue words', () => {
  /** The warnings the integration's setup gives for a content folder whose site.json says `lang`. */
  const setupWarnings = (lang: string) => {
    const root = mkdtempSync(join(tmpdir(), 'cues-'));
    mkdirSync(join(root, 'content'));
    const site = JSON.parse(readFileSync('tests/fixtures/site-basic/site.json', 'utf8'));
    writeFileSync(join(root, 'content', 'site.json'), JSON.stringify({ ...site, lang, url: undefined }));
    const warnings: string[] = [];
    const hook = citedExplainer().hooks['astro:config:setup'] as (options: unknown) => void;
    hook({
      config: { root: pathToFileURL(`${root}/`), base: '/', publicDir: pathToFileURL(`${root}/public/`), cacheDir: pathToFileURL(`${root}/.astro/`), site: undefined },
      updateConfig: () => {},
      injectRoute: () => {},
      logger: { warn: (message: string) => warnings.push(message) },
    });
    rmSync(root, { recursive: true });
    return warnings.filter((w) => w.includes('reporting cue words'));
  };

  it('builds with the attribution rules off and says so once, naming the language', () => {
    expect(setupWarnings('fr')).toEqual([
      'site.json "lang" is fr, which has no reporting cue words in locales/rules/ (en): the attribution, speaker-statement and speaker-words rules are off; add locales/rules/<language>.json with "reportingCues" and list it in locales/rules/index.ts',
    ]);
    expect(setupWarnings('en-US')).toEqual([]);
  });
});
