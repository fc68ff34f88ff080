// The explainer's collections come with the integration.
export { collections } from 'cited-explainer/collections';
