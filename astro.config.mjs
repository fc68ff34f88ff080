// @ts-check
import { defineConfig } from 'astro/config';
import citedExplainer from 'cited-explainer';

// The explainer is content (./content); the generator is the integration (./src, the package
// "cited-explainer"). Its options are documented in src/schemas/options.ts.
export default defineConfig({
  integrations: [citedExplainer({ content: './content' })],
  devToolbar: { enabled: false },
});
