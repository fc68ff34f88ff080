import { contentDir, strings } from 'virtual:cited-explainer/config';
import { localeFor } from '../i18n/locale.ts';
import { loadSiteConfig } from './site-config.ts';

/** The explainer's site.json, read once at build time. */
export const siteConfig = loadSiteConfig(contentDir);

/** The site's strings and date formats, from its `lang` (loaded and warned about by the integration). */
export const siteLocale = localeFor(siteConfig.lang, strings);
