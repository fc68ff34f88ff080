import en from './en.json' with { type: 'json' };

/**
 * The faithfulness rules' words per language (citations/rule-words.ts), imported rather than read
 * from disk so that they travel with the bundle that prerenders pages. A new language adds its
 * file here.
 */
export const ruleLocales: Readonly<Record<string, { reportingCues?: string[]; notNames?: string[] }>> = { en };
