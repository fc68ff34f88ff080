import { describe, expect, it } from 'vitest';
import { type AliasMap, normalizeName, planQuery, replacementFor } from '../../packages/cited-explainer/search/alias-map.ts';
import { CUT_BEFORE_INDEXING, EXCLUDE_SELECTORS } from '../../packages/cited-explainer/search/config.ts';
import { forIndexing } from '../../packages/cited-explainer/search/integration.ts';
import { pageFacets, stripBase } from '../../packages/cited-explainer/search/sections.ts';

// Pure parts of search: query rewriting for alternate names, sections from URLs, index-time text.
const map: AliasMap = {
  entries: [
    { name: 'Nikol Pashinyan', altNames: ['Nikol Pashinian', 'Pashinyan'], url: '/actors/nikol-pashinyan/' },
    { name: 'Zangezur corridor', altNames: ['Zangazur corridor', 'Zangezur'], url: '/glossary/#zangezur-corridor' },
    { name: 'Nagorno-Karabakh', altNames: ['Karabakh', 'Artsakh'], url: '/glossary/#nagorno-karabakh' },
    { name: 'Kalbajar', altNames: ['Kelbajar', 'Karvachar'], url: '/glossary/#kalbajar' },
  ],
};

describe('planQuery', () => {
  it('reads a mistyped name as the name, when one name is one or two letters away', () => {
    const plan = planQuery('Pashinyn', map);
    expect(plan.query).toBe('Pashinyan');
    expect(plan.searches).toEqual(['Pashinyan', 'Pashinyn']);
    expect(plan.rewrites).toEqual([{ from: 'pashinyn', to: 'Pashinyan' }]);
    expect(plan.exact?.url).toBe('/actors/nikol-pashinyan/');
    expect(planQuery('Zangezr corridor', map).query).toBe('Zangezur corridor');
    // Short words, words far from every name, and ordinary words stay as typed.
    expect(planQuery('gas', map).searches).toEqual(['gas']);
    expect(planQuery('ceasefire', map).searches).toEqual(['ceasefire']);
  });

  it('rewrites an alternate spelling and also searches the query as typed', () => {
    const plan = planQuery('Kelbajar', map);
    expect(plan.query).toBe('Kalbajar');
    expect(plan.searches).toEqual(['Kalbajar', 'Kelbajar']);
    expect(plan.exact?.url).toBe('/glossary/#kalbajar');
  });

  it('a respelt word of a multi-word alternate is rewritten alone', () => {
    const plan = planQuery('pashinian', map);
    expect(plan.query).toBe('Pashinyan');
    expect(plan.exact?.url).toBe('/actors/nikol-pashinyan/');
    expect(planQuery('Zangazur', map).query).toBe('Zangezur');
  });

  it('rewrites within a longer query, longest alternate first', () => {
    expect(planQuery('the Zangazur corridor plan', map).query).toBe('the Zangezur corridor plan');
    expect(planQuery('the Zangazur corridor plan', map).exact).toBeUndefined();
  });

  it('leaves alone an alternate that is part of the name, and the name itself', () => {
    expect(planQuery('Karabakh', map).searches).toEqual(['Karabakh']);
    expect(planQuery('Karabakh', map).exact?.url).toBe('/glossary/#nagorno-karabakh');
    expect(planQuery('Nikol Pashinyan', map).searches).toEqual(['Nikol Pashinyan']);
  });

  it('a different name (not a respelling) is replaced by the whole canonical name', () => {
    expect(planQuery('Artsakh', map).query).toBe('Nagorno-Karabakh');
    expect(replacementFor('Karvachar', 'Kalbajar')).toBe('Kalbajar');
  });

  it('ignores case, accents and punctuation; without a map nothing changes', () => {
    expect(normalizeName('Nagorno-Karabakh’s Ç')).toBe('nagorno karabakhs c');
    expect(planQuery('KELBAJAR', map).query).toBe('Kalbajar');
    expect(planQuery('Kelbajar', undefined)).toEqual({ original: 'Kelbajar', query: 'Kelbajar', searches: ['Kelbajar'], rewrites: [] });
  });
});

describe('pageFacets', () => {
  const nav = [
    { label: 'Incidents', href: '/incidents/' },
    { label: 'Sources', href: '/sources/' },
  ];
  it('labels the section from the navigation, or from the URL segment', () => {
    expect(pageFacets('/incidents/2022-09-13-x/', '/', nav)).toEqual({ segment: 'incidents', section: 'Incidents', year: '2022' });
    // An incident known only by its month has a year too.
    expect(pageFacets('/incidents/2022-12-x/', '/', nav)).toEqual({ segment: 'incidents', section: 'Incidents', year: '2022' });
    expect(pageFacets('/explainer/glossary/', '/explainer', nav)).toEqual({ segment: 'glossary', section: 'Glossary' });
    expect(pageFacets('/explainer/', '/explainer/', nav)).toEqual({ segment: '' });
    expect(pageFacets('/sources/bbc-2021-11-16-x/', '/', nav)).toEqual({ segment: 'sources', section: 'Sources' });
  });
  it('strips only a whole base segment', () => {
    expect(stripBase('/explainerx/a/', '/explainer')).toBe('/explainerx/a/');
    expect(stripBase('/explainer/a/', '/explainer/')).toBe('/a/');
  });
});

describe('forIndexing', () => {
  it('separates the words of adjacent definition-list cells', () => {
    expect(forIndexing('<dt>Also written</dt><dd>Pashinian</dd>')).toBe('<dt>Also written</dt> <dd>Pashinian</dd> ');
  });
  it('reads the word joiner before a citation marker as a space, not as part of the word', () => {
    expect(forIndexing('<span>Ararat Mirzoyan</span><span class="cite">\u2060<sup class="cite-ref">1</sup></span>')).toBe(
      '<span>Ararat Mirzoyan</span><span class="cite"> <sup class="cite-ref">1</sup></span>',
    );
  });
  it('keeps ids on headings only, the anchors Pagefind makes sub-results of', () => {
    expect(forIndexing('<h2 class="x" id="what-happened">What happened</h2><span id="claim-1" class="claim">A claim</span>')).toBe(
      '<h2 class="x" id="what-happened">What happened</h2><span class="claim">A claim</span>',
    );
    expect(forIndexing('<span data-x="a > b" id=\'p-1\' data-id="kept">x</span><input id=q name=q>')).toBe('<span data-x="a > b" data-id="kept">x</span><input name=q>');
    expect(forIndexing('<p>no attributes</p><br/>')).toBe('<p>no attributes</p><br/>');
    // A map's SVG title is an element like any other; a self-closing tag keeps its slash.
    expect(forIndexing('<svg><title id="map-title">Map</title><path id="r1" d="M0 0"/></svg>')).toBe('<svg><title>Map</title><path d="M0 0"/></svg>');
  });
  it('cuts only what the index excludes: each element cut has a class EXCLUDE_SELECTORS excludes', () => {
    for (const { className } of CUT_BEFORE_INDEXING) expect(EXCLUDE_SELECTORS).toContain(`.${className}`);
  });
  it('cuts the citation previews and the endnotes, which the index excludes, and nothing else', () => {
    const preview = '<span popover="auto" class="cite-preview"><span class="cite-preview-bar"><button>Close</button></span><q>passage</q></span>';
    const endnotes = '<section class="endnotes" role="doc-endnotes"><h2>Sources</h2><ol><li><section>note</section></li></ol></section>';
    expect(forIndexing(`<p><span class="claim">A claim</span><span class="cite"><sup>1</sup>${preview}</span> Next.</p><div>${endnotes}</div><footer>f</footer>`)).toBe(
      '<p><span class="claim">A claim</span><span class="cite"><sup>1</sup></span> Next.</p><div></div><footer>f</footer>',
    );
    // A tag's name inside an attribute's value, a comment or a script is not a tag; a class list with other classes counts.
    expect(forIndexing('<span class="x cite-preview y"><a aria-label="a <span> b" title="</span>">x</a><!-- </span> --></span>kept')).toBe('kept');
    expect(forIndexing('<span class=cite-preview><script>"</span>"</script></span>kept')).toBe('kept');
    const notCut = '<!-- <span class="cite-preview"> --><p title=\' class="cite-preview"\'>text</p><script>"<span class=\\"cite-preview\\">"</script>';
    expect(forIndexing(notCut)).toBe(notCut);
    // Other classes, and an element never closed, are kept.
    expect(forIndexing('<span class="cite-preview-bar">bar</span><span class="cite-previews">s</span>')).toBe('<span class="cite-preview-bar">bar</span><span class="cite-previews">s</span>');
    expect(forIndexing('<p>a</p><span class="cite-preview"><span>open')).toBe('<p>a</p><span class="cite-preview"><span>open');
  });
});
