/// <reference types="astro/client" />
interface ImportMetaEnv {
  /** The folder where production builds keep "Cite this page" formatting (lib/build-cache.ts); set by the integration. */
  readonly CITED_EXPLAINER_CITE_CACHE?: string;
}
/** The inline boot code of search, provided by search/integration.ts (see browser-bundle.ts). */
declare module 'virtual:explainer/search-boot' {
  const code: string;
  export default code;
}

/** Astro components imported from TypeScript (components/content-components.ts): tsc cannot read .astro files. */
declare module '*.astro' {
  const component: (props: Record<string, unknown>) => unknown;
  export default component;
}

/** Provided by the integration (integration/virtual-modules.ts). */
declare module 'virtual:cited-explainer/config' {
  /** Absolute path of the content folder. */
  export const contentDir: string;
  /** Absolute path of the project root. */
  export const projectRoot: string;
  /** Absolute path of the folder that keeps Markdown pages' rendered HTML, in the build's cache folder (lib/page-html.ts). */
  export const pageHtmlDir: string;
  /** The content folder's site.json, as the integration read and checked it (lib/site-config.ts). */
  export const site: import('./schemas/site.ts').SiteConfig;
  /** The site's strings (i18n/load.ts), as the integration loaded them. */
  export const strings: import('./i18n/strings.ts').Strings;
  /** A digest of the generator's own code, as the integration found it (integration/index.ts). */
  export const codeDigest: string;
}
declare module 'virtual:cited-explainer/components/Header' {
  /** The props the default header gets (components/SiteHeader.astro): a replacement gets the same. */
  const component: (props: { title: string; homeHref: string; nav: Array<{ label: string; href: string; current: boolean }> }) => unknown;
  export default component;
}
declare module 'virtual:cited-explainer/components/Footer' {
  const component: (props: { pageUrl: string | undefined }) => unknown;
  export default component;
}
declare module 'virtual:cited-explainer/strings.css' {}
