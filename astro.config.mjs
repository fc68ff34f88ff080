// @ts-check
import { defineConfig } from 'astro/config';
import citedExplainer from 'cited-explainer';

// The explainer is content (./content); the generator is the integration (packages/cited-explainer, the package
// "cited-explainer"). Its options are documented in packages/cited-explainer/schemas/options.ts.
export default defineConfig({
  integrations: [citedExplainer({ content: './content' })],
  devToolbar: { enabled: false },
});
