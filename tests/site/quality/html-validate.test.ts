import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtSite, listPages, readPage } from '../../helpers/site.ts';

// Valid HTML on every built page: html-validate's recommended rules (which know popover,
// popovertarget and the doc-* roles), with only a rule that is not about validity turned off.
const htmlvalidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Not an HTML rule but a search-engine display heuristic (titles over 70 characters are cut in
    // result lists). Our titles are "page · site", and a source page's title is the archived article's
    // full headline (up to ~100 characters): cutting it would make the title describe the page less
    // well (WCAG 2.4.2), so a long title is kept on purpose.
    'long-title': 'off',
  },
});

const build = builtSite();
const pages = listPages(build.outDir);

describe('valid HTML', () => {
  it.each(pages)('%s has no html-validate errors', async (path) => {
    const report = await htmlvalidate.validateString(readPage(build.outDir, path), `${path}index.html`);
    const errors = report.results.flatMap((result) => result.messages.map((m) => `${path}index.html:${m.line}:${m.column} ${m.ruleId}: ${m.message} [${m.selector ?? ''}]`));
    expect(errors).toEqual([]);
  });
});
