import { smartQuotes } from '../typography/smart-quotes.ts';
import { text } from './text.ts';

/**
 * A cited data field: one paragraph of text in which every claim ends with its citation, written
 * as in MDX prose ("Text.[@source-id: exact words]"). The build resolves it through the same
 * citation engine and rules as the pages (citations/cited-field.ts).
 */
export const citedText = () => text({ max: 4000 }).describe('text whose every claim ends with a citation, [@source-id: exact words]');

/** The site's own remark in a data file, shown marked as a note (role="note"), never as a claim. */
export const noteText = () => prose({ max: 1000 }).describe("the site's own remark, shown as a note, not a claim");

/**
 * A text field shown to readers as written by the editors (a name, a title, a note): one line, with
 * typographer's quotes and apostrophes, whatever was typed. (Cited fields get theirs as they render.)
 */
export const prose = ({ max, min = 1 }: { max: number; min?: number }) => text({ max, min }).transform((value) => smartQuotes(value));

/**
 * A name (an actor's, a glossary entry's, another spelling): prose on one line. " - " is refused:
 * it is what YAML makes of a list item indented under the line above ("name: Per Olav Vik", then
 * "  - P. Vik", reads as the one name "Per Olav Vik - P. Vik"), which would otherwise pass unseen.
 */
const oneName = ({ max }: { max: number }) =>
  text({ max }).refine((value) => !/\s-\s/.test(value), {
    message: 'reads as two names joined by " - ": a "- " line indented under a name is read as part of it; put each other name on its own "- " line under "altNames:"',
  });

/** A name shown as written by the editors, with typographer's quotes (as prose). */
export const nameText = ({ max }: { max: number }) => oneName({ max }).transform((value) => smartQuotes(value));

/** Another spelling, kept as typed: pages and search match it against text as written. */
export const altNameText = () => oneName({ max: 200 });
