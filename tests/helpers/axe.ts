import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core in the page (or only within the element a CSS selector names) and returns its
 * violations, one line per failing element. axe is evaluated through the DevTools protocol, which
 * the page's CSP does not govern, so the site's policy stays as published. `colourOnly` runs just
 * the rules of axeTags that judge colours (axe's "cat.color": contrast, links told apart by colour):
 * for a second colour scheme that changes nothing but colours (see darkSchemeChangesOnlyColours).
 */
export async function axeViolations(page: Page, within?: string, options: { colourOnly?: boolean } = {}): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const context = within ? `{ include: [[${JSON.stringify(within)}]] }` : 'document';
  const runOnly = options.colourOnly
    ? `{ type: 'rule', values: axe.getRules(${JSON.stringify(axeTags)}).filter((rule) => rule.tags.includes('cat.color')).map((rule) => rule.ruleId) }`
    : `{ type: 'tag', values: ${JSON.stringify(axeTags)} }`;
  const results = (await page.evaluate(`axe.run(${context}, { runOnly: ${runOnly}, resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
  };
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(node.target)}${node.failureSummary ? ` — ${node.failureSummary.replaceAll('\n', ' ')}` : ''}`,
    ),
  );
}

/** A colour value: hex, a colour function, or a keyword that is one. */
const colourValue = /^(#[0-9a-f]{3,8}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\(.*\)|transparent|currentcolor)$/i;

/**
 * What, under `@media (prefers-color-scheme: dark)` in a stylesheet, is anything but a custom
 * property set to a colour (--text: #ececf0): when nothing is, the dark scheme differs from the
 * light one in colours alone, and a colour-only axe run in dark finds all that a full one would.
 */
export function darkSchemeNonColourDeclarations(css: string): string[] {
  const offending: string[] = [];
  // With or without a media type before it: `@media screen and (prefers-color-scheme: dark)`.
  for (const match of css.matchAll(/@media\s*(?:[\w-]+\s+and\s*)?\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{/g)) {
    const start = match.index + match[0].length;
    let end = start;
    for (let depth = 1; end < css.length && depth > 0; end++) depth += css[end] === '{' ? 1 : css[end] === '}' ? -1 : 0;
    const block = css.slice(start, end - 1);
    if (block.includes('@')) offending.push(`a nested at-rule: ${block.slice(block.indexOf('@'), block.indexOf('@') + 40)}`);
    for (const [, body] of block.matchAll(/\{([^{}]*)\}/g)) {
      for (const declaration of body
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)) {
        const [, name, value] = /^(--[\w-]+)\s*:\s*(.*?)(\s*!important)?$/s.exec(declaration) ?? [];
        if (!name || !colourValue.test(value)) offending.push(declaration);
      }
    }
  }
  return offending;
}
