/**
 * The query parameter that carries matched words to a result page, for highlighting there.
 * In a module of its own because boot.ts, on every page, needs it and nothing else of config.ts.
 */
export const HIGHLIGHT_PARAM = 'highlight';
