import { z } from 'zod';
import { isoDate, slug } from './common.ts';
import { text } from './text.ts';

const URL_MAX = 2000;

/** An absolute http(s) address: no javascript:, data: or other scheme, no user name or password. */
export const httpUrl = z
  .string()
  .max(URL_MAX, `must be at most ${URL_MAX} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password && !/\s/.test(value);
    } catch {
      return false;
    }
  }, 'must be an absolute address starting with http:// or https://');

/** A link within the site ("/about/"), never "//host", which a browser reads as another site. */
const sitePath = z.string().regex(/^\/(?![/\\])[^\s\\]*$/, 'must be a path on this site starting with one "/" (such as /about/) or an http(s) address');

/**
 * A language tag as BCP 47 writes it ("en", "en-GB", "sr-Latn"): it becomes the pages' lang, the
 * feed's <language> and the search index's language, and anything else breaks them.
 */
const languageTag = z.string().refine((value) => {
  if (value.length > 35 || !/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}, 'must be a BCP 47 language tag, such as "en" or "en-GB"');

/**
 * Documentation's placeholder domains (RFC 2606): a site that names one publishes an address that
 * reaches nobody, so the build refuses them anywhere in site.json.
 */
const PLACEHOLDER = /(?:^|[^a-z0-9-])((?:[a-z0-9-]+\.)*example\.(?:com|org|net))(?![a-z0-9-]|\.[a-z0-9])/i;

/** The first placeholder domain in any text of `value`, with the path of the field that holds it. */
export function placeholderDomain(value: unknown, path: Array<string | number> = []): { path: Array<string | number>; domain: string } | undefined {
  if (typeof value === 'string') {
    const match = PLACEHOLDER.exec(value);
    return match ? { path, domain: match[1] } : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = placeholderDomain(child, [...path, Array.isArray(value) ? Number(key) : key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** content/site.json: everything about one explainer that is not a page or a source. */
export const siteConfigSchema = z
  .strictObject({
    title: text({ max: 200 }),
    /** One sentence for search engines and link previews. */
    description: text({ max: 500 }),
    /** The address the site is published at, for canonical and printed URLs; omit it while unknown. */
    url: httpUrl.optional(),
    lang: languageTag.default('en'),
    nav: z
      .array(z.strictObject({ label: text({ max: 60 }), href: z.union([sitePath, httpUrl], { error: 'must be a path on this site starting with one "/" (such as /about/) or an http(s) address' }) }))
      .min(1)
      .max(30),
    /**
     * The one text not drawn from the archive: what changed after the sources end. `summary`, if given,
     * is its whole message in one line, shown first at reading size; the coverage line and `text` (the
     * detail) follow it in small print, so a phone's first screen reaches the message.
     */
    editorsNote: z.strictObject({ title: text({ max: 200 }), summary: text({ max: 300 }).optional(), text: text({ max: 5000 }) }).optional(),
    /**
     * How readers report an error: what to send (`text`), and where, as one documented setting. While
     * the editors have no address, leave `email` and `issues` out: the footer then leaves corrections
     * out, and the `<Corrections />` section (on the about page) says plainly that no address is set,
     * rather than showing an address that reaches nobody.
     */
    corrections: z.strictObject({
      text: text({ max: 2000 }),
      email: z.email('must be an e-mail address, such as corrections@your-newsroom.org').max(254).optional(),
      /** Where readers may open an issue (a repository's issue tracker), http(s). */
      issues: httpUrl.optional(),
    }),
    /** Licence of the site's own text and data (the archived articles stay their publishers'). */
    licence: text({ max: 2000 }),
    /**
     * The kinds of actor this explainer groups its actors by, in the order of the actors index, with
     * their names in the singular and plural ("State", "States"). Each actor's `kind` is one of the ids.
     */
    actorKinds: z
      .array(z.strictObject({ id: slug, one: text({ max: 60 }), many: text({ max: 60 }) }))
      .max(50)
      .default([]),
    /** The period the archive covers, as the sources' dates bound it. */
    coverage: z.strictObject({ from: isoDate, to: isoDate }).optional(),
  })
  .superRefine((site, context) => {
    const found = placeholderDomain(site);
    if (found)
      context.addIssue({
        code: 'custom',
        path: found.path,
        message: `names the placeholder domain ${found.domain}, which reaches nobody: give the real address, or leave the field out while it is unknown`,
      });
  });

export type SiteConfig = z.infer<typeof siteConfigSchema>;
