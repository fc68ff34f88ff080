// @ts-check
import { defineConfig } from 'astro/config';
import citedExplainer from 'cited-explainer';

// The explainer is the content folder; its options: see the cited-explainer README, "Options".
export default defineConfig({
  integrations: [citedExplainer({ content: './content' })],
});
