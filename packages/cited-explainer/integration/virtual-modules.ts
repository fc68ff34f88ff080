import type { Strings } from '../i18n/strings.ts';
import type { OverridableComponent } from '../schemas/options.ts';
import type { SiteConfig } from '../schemas/site.ts';

/**
 * What the integration hands to the code Vite builds (routes, layouts, the content config): the
 * content folder, its site.json and the site's strings (each read and checked once, by the
 * integration: the built pages cannot reach locales/ from their output folder), and the components that fill the layout's replaceable parts.
 */
const CONFIG_MODULE = 'virtual:cited-explainer/config';
const COMPONENT_MODULE = 'virtual:cited-explainer/components/';
/** The stylesheet's words: CSS custom properties holding the strings that styles/site.css draws as generated content. */
const STRINGS_STYLESHEET = 'virtual:cited-explainer/strings.css';

/** A CSS string literal: backslashes, quotes and line breaks escaped. */
export const cssString = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

/** The custom properties of the strings stylesheet, from the site's strings. */
export const stringsStylesheet = (strings: Strings): string => `:root{--site-note-label:${cssString(strings.layout.siteNoteLabel)}}`;

export interface VirtualModules {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path of the project root (Astro names content files from it). */
  projectRoot: string;
  /** Absolute path of the folder that keeps Markdown pages' rendered HTML (lib/page-html.ts). */
  pageHtmlDir: string;
  /** The content folder's site.json, as checked by its schema. */
  site: SiteConfig;
  /** The site's strings: its locale file with the content folder's strings.json over it. */
  strings: Strings;
  /** Absolute path (or package specifier) of each replaceable component. */
  components: Record<OverridableComponent, string>;
  /** A digest of the generator's own code (lib/folder-digest.ts), which renders Markdown pages outside Vite's view. */
  codeDigest: string;
}

/** A Vite plugin serving the virtual modules. */
export function virtualModules({ contentDir, projectRoot, pageHtmlDir, site, strings, components, codeDigest }: VirtualModules) {
  const modules = new Map<string, string>([
    [
      CONFIG_MODULE,
      `export const contentDir = ${JSON.stringify(contentDir)};\nexport const projectRoot = ${JSON.stringify(projectRoot)};\nexport const pageHtmlDir = ${JSON.stringify(pageHtmlDir)};\nexport const site = ${JSON.stringify(site)};\nexport const strings = ${JSON.stringify(strings)};\nexport const codeDigest = ${JSON.stringify(codeDigest)};`,
    ],
    [STRINGS_STYLESHEET, stringsStylesheet(strings)],
    ...Object.entries(components).map(([name, path]): [string, string] => [`${COMPONENT_MODULE}${name}`, `export { default } from ${JSON.stringify(path)};`]),
  ]);
  return {
    name: 'cited-explainer:virtual-modules',
    resolveId: (id: string) => (modules.has(id) ? `\0${id}` : undefined),
    load: (id: string) => (id.startsWith('\0') ? modules.get(id.slice(1)) : undefined),
  };
}
