/** Checks a raw article's bytes and decodes them; throws a one-line reason when they are unusable. */

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
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let end = 1; end <= bytes.length; end++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    } catch {
      return end - 1;
    }
  }
  return bytes.length;
}
