import { contentDir } from 'virtual:cited-explainer/config';
import { loadSiteConfig } from './site-config.ts';

/** The explainer's site.json, read once at build time. */
export const siteConfig = loadSiteConfig(contentDir);
