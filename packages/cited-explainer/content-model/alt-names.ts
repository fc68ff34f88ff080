/**
 * The other names worth showing beside an actor's name: a spelling or a name a reader may meet
 * in the sources ("Nikol Pashinian", "CSTO"), not a part of the name itself ("Mirzoyan" beside
 * "Ararat Mirzoyan", "Defence Army" beside "Nagorno-Karabakh Defence Army"), which tells a reader
 * nothing new. Search still knows every alternative name; this only decides what the page shows.
 */
export function altNamesToShow(name: string, altNames: readonly string[]): string[] {
  const words = (text: string) => text.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
  const nameWords = words(name);
  const partOfName = (alt: string) => {
    const altWords = words(alt);
    return nameWords.some((_, start) => altWords.every((word, i) => nameWords[start + i] === word));
  };
  return altNames.filter((alt) => !partOfName(alt));
}
