const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text as XML character data or an attribute value: every markup character escaped (so "]]>" is
 * too). A character XML 1.0 cannot hold at all (a control character, an unpaired surrogate) is an
 * error, not something to drop silently: the schemas refuse them, so one here is a bug upstream.
 */
export function escapeXml(text: string): string {
  const invalid = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(text);
  if (invalid) throw new Error(`the text holds U+${invalid[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which XML cannot hold: ${JSON.stringify(text.slice(0, 80))}`);
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char]);
}
