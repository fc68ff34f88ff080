/**
 * A CSL style reduced to what formatting one bibliography entry at a time reads. citeproc renders
 * every item it is given twice before the entry itself: once in the style's citation form (the key
 * under which it looks for ambiguous cites to disambiguate) and once for each bibliography sort
 * key; those two renderings cost more than the entry (Chicago's long note form above all). With a
 * single item there is nothing to disambiguate and nothing to sort, so the citation is left with a
 * constant layout and the bibliography without its sort: the entry comes out the same
 * (tests/cite/one-entry-style.test.ts formats a corpus both ways). Only for one item at a time: over
 * several, the entries would lose the year suffixes and the order a bibliography needs.
 */

const citation = /<citation\b[^>]*>[\s\S]*?<\/citation>/;
const bibliography = /<bibliography\b[^>]*>[\s\S]*?<\/bibliography>/;
const sort = /<sort>[\s\S]*?<\/sort>/;

/** The citation that stands in: CSL requires one, and a constant layout renders at no cost. */
const constantCitation = '<citation><layout><text value="-"/></layout></citation>';

export function oneEntryStyle(xml: string, name: string): string {
  if (!citation.test(xml) || !bibliography.test(xml)) {
    throw new Error(`CSL style "${name}" has no <citation> or no <bibliography>: cite/one-entry-style.ts formats bibliography entries from a style that has both`);
  }
  return xml.replace(citation, constantCitation).replace(bibliography, (entries) => entries.replace(sort, ''));
}
