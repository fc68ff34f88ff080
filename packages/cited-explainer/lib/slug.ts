/** "Armenia’s Defence Ministry said…" → "armenias-defence-ministry-said": ASCII, for ids and URLs. */
export function slugify(text: string, maxWords = Infinity): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/** Hands out ids unique within one page, suffixing "-2", "-3" on repeats. */
export function uniqueIds(): (wanted: string) => string {
  const seen = new Map<string, number>();
  return (wanted) => {
    const count = (seen.get(wanted) ?? 0) + 1;
    seen.set(wanted, count);
    return count === 1 ? wanted : `${wanted}-${count}`;
  };
}
