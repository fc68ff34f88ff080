// The tests read the exports back with citation-js's BibTeX and RIS readers (dev dependencies), which ship no types.
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
