import searchBoot from 'virtual:explainer/search-boot';
import type { APIRoute } from 'astro';
import { headersFile, inlineScripts } from './csp.ts';

/** /_headers: the security headers for hosts that read such a file (see csp.ts). */
export const GET: APIRoute = () => new Response(headersFile(inlineScripts(searchBoot)));
