import { z } from 'zod';

/** A module an option names: a path relative to the project root ("./src/Header.astro") or a package specifier. */
const modulePath = z.string().min(1, 'name a module: a path such as "./components/MyHeader.astro"');

/**
 * Options of the integration, `citedExplainer({ … })` in astro.config.mjs. Everything about the
 * explainer itself (title, language, navigation, sources, pages) is content: see site.json.
 */
export const explainerOptionsSchema = z.strictObject({
  /** The content folder, relative to the project root: site.json, pages/, sources/, raw/, and optionally actors/, glossary/, incidents/, maps.yaml. */
  content: z.string().min(1, 'name the content folder, such as "content"').default('content'),
  /**
   * Astro components that replace parts of every page's layout. Each receives the props the
   * default receives (components/SiteHeader.astro, SiteFooter.astro).
   */
  components: z
    .strictObject({
      /** The page header (default: the site's title, navigation and search box). */
      Header: modulePath.optional(),
      /** The page footer (default: corrections, licence, the sources and data links). */
      Footer: modulePath.optional(),
    })
    .default({}),
});

export type ExplainerOptions = z.input<typeof explainerOptionsSchema>;
export type ResolvedExplainerOptions = z.output<typeof explainerOptionsSchema>;
export type OverridableComponent = keyof ResolvedExplainerOptions['components'];
