import type { AstroIntegration } from 'astro';

/** Publishes /_headers, the site's security headers for static hosts that read such a file. */
export default function securityHeaders(): AstroIntegration {
  return {
    name: 'explainer-security-headers',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/_headers', entrypoint: new URL('./headers.ts', import.meta.url), prerender: true });
      },
    },
  };
}
