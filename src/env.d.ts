/** The inline boot code of search, provided by src/search/integration.ts (see browser-bundle.ts). */
declare module 'virtual:explainer/search-boot' {
  const code: string;
  export default code;
}
