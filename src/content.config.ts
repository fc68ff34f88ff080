// The explainer's collections come with the integration (a project using it writes this one line too).
export { collections } from 'cited-explainer/collections';
