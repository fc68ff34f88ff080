import { describe, expect, it } from 'vitest';
import { assertChromium, chromiumPath, sharedChromium } from '../../helpers/browser.ts';

// The browser checks need Debian's Chromium (scripts/ensure-test-deps.sh installs it). Without it
// their files fail in beforeAll, which Vitest counts as "skipped" tests; this test fails by name.
describe('Chromium for the browser checks', () => {
  it(`is installed at ${chromiumPath} and starts headless`, async () => {
    assertChromium();
    // The browser the other site files of this worker use too.
    const page = await (await sharedChromium()).newPage();
    try {
      await page.setContent('<p>ok</p>');
      expect(await page.textContent('p')).toBe('ok');
    } finally {
      await page.close();
    }
  });
});
