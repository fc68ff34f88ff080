import { describe, expect, it } from 'vitest';
import { altNamesToShow } from '../../packages/cited-explainer/content-model/alt-names.ts';

describe('alternative names shown beside an actor', () => {
  it('leaves out a surname, or any run of the name’s own words', () => {
    expect(altNamesToShow('Ararat Mirzoyan', ['Mirzoyan'])).toEqual([]);
    expect(altNamesToShow('Nagorno-Karabakh Defence Army', ['Defence Army', 'Defense Army', 'Nagorno-Karabakh military'])).toEqual(['Defense Army', 'Nagorno-Karabakh military']);
  });

  it('keeps other spellings, abbreviations and names, in their order', () => {
    expect(altNamesToShow('Recep Tayyip Erdogan', ['Recep Tayyip Erdoğan', 'Erdogan', 'Erdoğan'])).toEqual(['Recep Tayyip Erdoğan', 'Erdoğan']);
    expect(altNamesToShow('European Union', ['EU'])).toEqual(['EU']);
  });

  it('compares words whole and regardless of case, not as parts of a word', () => {
    expect(altNamesToShow('Suren Papikian', ['papikian', 'Papik', 'Suren Papikyan'])).toEqual(['Papik', 'Suren Papikyan']);
  });
});
