/**
 * A citation for a site whose address is not known when it is built. The citation shown (and
 * printed, and copied without script) has no address: a path alone would be a broken reference.
 * The same entry formatted with a stand-in address tells where a style puts the address and the
 * words around it ("Available at: …"); that part is kept hidden beside the text, and the reader's
 * script (lib/reader-script.ts) fills in the address the page was read at and shows it.
 */

/** The stand-in address given to citeproc: a reserved domain (RFC 6761), never a real one. */
export const addressStandIn = 'https://cite-address.invalid/';

/** The class of the hidden part with the address, and of the empty slot in it the script fills. */
export const addressPartClass = 'cite-address';
export const addressSlotClass = 'cite-url';
/** The class of the words a style writes only when there is no address (none in the styles the site uses). */
export const noAddressClass = 'cite-no-address';

/** How far two strings agree from the start, not ending inside a tag or an entity. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const head = a.slice(0, n);
  if (head.lastIndexOf('<') > head.lastIndexOf('>')) n = head.lastIndexOf('<');
  if (head.lastIndexOf('&') > head.lastIndexOf(';')) n = Math.min(n, head.lastIndexOf('&'));
  return n;
}

/** How far two strings agree from the end (within the given lengths), not starting inside a tag or an entity. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  const tail = a.slice(a.length - n);
  const close = tail.indexOf('>');
  if (close !== -1 && (tail.indexOf('<') === -1 || close < tail.indexOf('<'))) n = tail.length - close - 1;
  const end = a.slice(a.length - n);
  const semicolon = end.indexOf(';');
  if (semicolon !== -1 && (end.indexOf('&') === -1 || semicolon < end.indexOf('&'))) n = end.length - semicolon - 1;
  return n;
}

/**
 * The entry without an address, with the part that differs when it has one kept hidden after it:
 * `…2026<span class="cite-address" data-path="/background/" hidden>, <span class="cite-url"></span></span>.`
 * The entry without an address reads whole up to where the address would go (citeproc's styles add
 * the address and its words without changing the rest); when one does change more, the differing
 * words without the address are kept as they are and the hidden part replaces them.
 */
export function withAddressSlot(withoutAddress: string, withStandIn: string, path: string): string {
  if (!withStandIn.includes(addressStandIn)) return withoutAddress;
  const start = sharedStart(withoutAddress, withStandIn);
  const end = sharedEnd(withoutAddress.slice(start), withStandIn.slice(start));
  const differingWithout = withoutAddress.slice(start, withoutAddress.length - end);
  const differingWith = withStandIn.slice(start, withStandIn.length - end).replace(addressStandIn, `<span class="${addressSlotClass}"></span>`);
  const without = differingWithout && `<span class="${noAddressClass}">${differingWithout}</span>`;
  const slot = `<span class="${addressPartClass}" data-path="${path.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}" hidden>${differingWith}</span>`;
  return `${withoutAddress.slice(0, start)}${without}${slot}${withoutAddress.slice(withoutAddress.length - end)}`;
}

/**
 * The same for the download files ("Cite this page": BibTeX, RIS, CSL-JSON, cite/download-files.ts),
 * written without an address: a function, as the source the reader's script inlines
 * (lib/reader-script.ts), that adds the address the page was read at to a file's text: given the
 * text and the address, the text the build would have written with that address as the page's
 * `URL` (a page's item has no field after it: tests/cite/address-slot.test.ts), written in before
 * the file's end: the item's last field in CSL-JSON (a list, "["), BibTeX's ("@") before its closing
 * brace, RIS's before the end of the record. Text, not parsing, to keep the script small: the
 * address is a browser's `URL.href`, which holds nothing BibTeX's `url`, a RIS line or a JSON
 * string would need escaped (braces, quotes, a backslash, white space are percent-encoded).
 */
export const withAddressSource = String.raw`(t,u)=>t.replace(/\n( }\n]|}|ER  - )\n$/,(t[0]=='['?',\n  "URL": "'+u+'"':t[0]=='@'?'\n  url = {'+u+'},':'\nUR  - '+u)+'$&')`;
