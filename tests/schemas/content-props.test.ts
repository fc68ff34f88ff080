import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentsShowingEveryClaim, contentComponentNames } from '../../packages/cited-explainer/schemas/content-props.ts';

// A page's render key (lib/render-keys.ts) holds every claim of the site only when the page uses a
// component listed as showing them: a component that reads the ledger and is not listed would be
// copied from the last build with its claims out of date.
const readsEveryClaim = /\b(getLedger|getCitingDocuments)\b/;
const source = (name: string) => readFileSync(new URL(`../../packages/cited-explainer/components/${name}.astro`, import.meta.url), 'utf8');

describe('componentsShowingEveryClaim', () => {
  it.each(contentComponentNames)('%s is listed exactly when it reads the claims of every page', (name) => {
    expect(componentsShowingEveryClaim.includes(name)).toBe(readsEveryClaim.test(source(name)));
  });

  it('lists at least one component (so the check above can tell both ways)', () => {
    expect(componentsShowingEveryClaim.length).toBeGreaterThan(0);
  });
});
