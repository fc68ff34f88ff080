import { notAnArticle } from './article.ts';

/** Checks a raw article's bytes and decodes them; throws a one-line reason when they are unusable or not an article. */

export const maxRawBytes = 1024 * 1024;

export function decodeRawArticle(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new Error('the file is empty');
  if (bytes.length > maxRawBytes) {
    throw new Error(`the file is ${bytes.length} bytes, over the ${maxRawBytes}-byte limit for one article`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new Error(`the file is binary (NUL byte at offset ${nul}), not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`the file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); re-save it as UTF-8`);
  }
  if (text.trim() === '') throw new Error('the file holds only whitespace');
  const reason = notAnArticle(text);
  if (reason) throw new Error(reason);
  return text;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
