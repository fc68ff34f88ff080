import { site, strings } from 'virtual:cited-explainer/config';
import { localeFor } from '../i18n/locale.ts';

/** The explainer's site.json, as the integration read and checked it, once per build. */
export const siteConfig = site;

/** The site's strings and date formats, from its `lang` (loaded and warned about by the integration). */
export const siteLocale = localeFor(siteConfig.lang, strings);
