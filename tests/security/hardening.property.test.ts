import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../packages/cited-explainer/citations/syntax.ts';
import { toCsv } from '../../packages/cited-explainer/data/table.ts';
import { jsonLdText } from '../../packages/cited-explainer/lib/structured-data.ts';
import { escapeXml } from '../../packages/cited-explainer/lib/xml.ts';
import { type GlyphFont, previewSvg } from '../../packages/cited-explainer/preview/card.ts';
import { pageSchema } from '../../packages/cited-explainer/schemas/page.ts';
import { siteConfigSchema } from '../../packages/cited-explainer/schemas/site.ts';
import { forbiddenCharacter } from '../../packages/cited-explainer/schemas/text.ts';
import { contentSecurityPolicy } from '../../packages/cited-explainer/security/csp.ts';
import { checkDist } from '../../packages/cited-explainer/security/dist-check.ts';
import { readCsv } from '../helpers/csv.ts';
import { budget, hostileText } from '../helpers/hostile-text.ts';

/**
 * Property-based tests (issue 12): hostile text through the citation syntax, the schemas, the
 * exports' escaping and the dist check, asserting a clean error or correct escaped output, never a
 * crash or a hang. Each property is time-boxed by fast-check (helpers/hostile-text.ts).
 */

describe('findCitations on any text', () => {
  it('returns tokens inside the text, in order, each from "[@" to "]", and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const { tokens, problems } = findCitations(text);
        let end = 0;
        for (const token of tokens) {
          expect(token.from).toBeGreaterThanOrEqual(end);
          expect(text.startsWith('[@', token.from)).toBe(true);
          expect(text[token.to - 1]).toBe(']');
          end = token.to;
        }
        for (const problem of problems) expect(text.startsWith('[@', problem.at)).toBe(true);
      }),
      budget(),
    );
  });
});

/** Mostly plausible values, so that the schema accepts some and the properties of what it accepts are tested too. */
const plausible = (...values: string[]) => fc.oneof(fc.constantFrom(...values), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), hostileText);
const hostileSiteRecord = fc.record({
  title: plausible('River Town'),
  description: plausible('A test explainer.'),
  lang: plausible('en', 'en-GB', 'hy-AM', 'az-Latn-AZ'),
  url: fc.oneof(fc.webUrl(), hostileText),
  corrections: fc.record({ text: plausible('Write to the editors.') }),
  licence: plausible('CC BY 4.0'),
  nav: fc.array(fc.record({ label: plausible('Sources'), href: fc.oneof(fc.constantFrom('/', '/sources/', '//evil', '/\\evil'), fc.webUrl(), hostileText) }), { minLength: 1, maxLength: 3 }),
});

/** Sites made only of accepted values: a quarter of the runs, so that some are valid however few runs the time limit allows. */
const validSiteRecord = fc.record({
  title: fc.constantFrom('River Town', 'Floods of the Weir'),
  description: fc.constantFrom('A test explainer.', 'What the river did.'),
  lang: fc.constantFrom('en', 'en-GB', 'hy-AM', 'az-Latn-AZ'),
  url: fc.constantFrom('https://river.test/', 'http://river.test/explainer/'),
  corrections: fc.record({ text: fc.constantFrom('Write to the editors.') }),
  licence: fc.constantFrom('CC BY 4.0'),
  nav: fc.array(fc.record({ label: fc.constantFrom('Sources', 'About'), href: fc.constantFrom('/', '/sources/') }), { minLength: 1, maxLength: 3 }),
});
const siteRecord = fc.oneof({ arbitrary: validSiteRecord, weight: 1 }, { arbitrary: hostileSiteRecord, weight: 3 });

describe('the schemas on hostile input', () => {
  it('site.json: a clean error, or only clean one-line text, a BCP 47 lang, http(s) and site-relative addresses', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(siteRecord, async (data) => {
        const result = siteConfigSchema.safeParse(data);
        accepted += result.success ? 1 : 0;
        if (!result.success) {
          expect(result.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const site = result.data;
        for (const value of [site.title, site.description, site.corrections.text, site.licence, ...site.nav.map((link) => link.label)]) {
          expect(forbiddenCharacter(value)).toBeUndefined();
          expect(value).toBe(value.trim());
        }
        expect(site.lang).toMatch(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/);
        for (const href of [site.url ?? 'https://x', ...site.nav.map((link) => link.href)]) expect(href).toMatch(/^(https?:\/\/[^\s]+|\/(?![/\\])\S*)$/i);
      }),
      budget(),
    );
    expect(accepted, 'some generated sites are valid').toBeGreaterThan(0);
  });

  it('page front matter: a clean error or a page with a real date no later than today', async () => {
    const date = fc.oneof(
      hostileText,
      fc.date({ noInvalidDate: false }).map((value) => (Number.isNaN(value.getTime()) ? 'x' : value.toISOString().slice(0, 10))),
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ title: hostileText, description: hostileText, updated: date, kind: hostileText }, { requiredKeys: ['title', 'description', 'updated'] }), async (data) => {
        const result = pageSchema.safeParse(data);
        if (result.success) {
          expect(result.data.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(result.data.updated <= new Date(Date.now() + 14 * 3600 * 1000).toISOString().slice(0, 10)).toBe(true);
        } else {
          expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }),
      budget(),
    );
  });
});

describe('escaping for each output format', () => {
  it('CSV: one record per row with every field, no cell a spreadsheet would run as a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileText, hostileText), { maxLength: 5 }), async (pairs) => {
        const csv = toCsv(
          ['a', 'b'],
          pairs.map(([a, b]) => ({ a, b })),
        );
        const records = readCsv(csv.slice(1));
        expect(records).toHaveLength(pairs.length + 1);
        for (const record of records.slice(1)) {
          expect(record).toHaveLength(2);
          for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      budget(),
    );
  });

  it('JSON-LD: parses back to the same data, and can never close its <script>', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(hostileText, hostileText, { maxKeys: 4 }), async (data) => {
        const text = jsonLdText(data);
        expect(text).not.toContain('<');
        expect(JSON.parse(text)).toEqual(data);
      }),
      budget(),
    );
  });

  const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

  it('XML (preview images): every markup character escaped and read back the same, or a clean error for what XML cannot hold', async () => {
    const numeric: GlyphFont = { getAdvanceWidth: (text, size) => text.length * size, getPath: (text, x, y) => ({ toPathData: () => `M${x} ${y}h${text.length}` }) };
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (title, siteTitle) => {
        let escaped: string;
        try {
          escaped = escapeXml(title);
        } catch (error) {
          expect((error as Error).message).toMatch(/^the text holds U\+[0-9A-F]{4,5}, which XML cannot hold: /);
          return;
        }
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => xmlEntities[name])).toBe(title);
        try {
          expect(XMLValidator.validate(previewSvg({ regular: numeric, bold: numeric }, { title, siteTitle }))).toBe(true);
        } catch (error) {
          expect((error as Error).message).toMatch(/which XML cannot hold/);
        }
      }),
      budget(100),
    );
  });
});

describe('the dist check on hostile pages', () => {
  const boot = 'boot()';
  const policy = contentSecurityPolicy([boot]);
  const expectations = { base: '/', scriptFiles: new Map(), inlineScripts: new Set([createHash('sha256').update(boot).digest('base64')]), contentSecurityPolicy: policy, required: [] };
  const page = (body: string) => `<!DOCTYPE html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body>${body}</body>`;

  it('never throws, and always finds a script or an event handler slipped into any text', async () => {
    const handler = fc.stringMatching(/^on[a-z]{1,10}$/);
    const code = hostileText.map((text) => text.replace(/<\/script/gi, ''));
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, code, handler, async (before, after, script, event) => {
        expect(() =>
          checkDist(
            new Map([
              ['a/index.html', page(before)],
              ['a.css', `a{background:url(${after})}`],
              ['b.json', before],
            ]),
            expectations,
          ),
        ).not.toThrow();
        // Text that does not itself leave an open tag, comment or raw text element behind.
        const safeBefore = before.replace(/[<&]/g, '');
        const withScript = checkDist(new Map([['a/index.html', page(`${safeBefore}<script>${script}</script>${after}`)]]), expectations);
        expect(withScript.some((problem) => problem.message.includes('inline <script>'))).toBe(true);
        const withHandler = checkDist(new Map([['a/index.html', page(`${safeBefore}<p ${event}="x">${after}`)]]), expectations);
        expect(withHandler.some((problem) => problem.message.includes('inline event handler'))).toBe(true);
      }),
      budget(),
    );
  });
});
