import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../packages/cited-explainer/citations/locate.ts';
import { COMPONENT_PLACEHOLDER, componentParts, directiveName } from '../../packages/cited-explainer/citations/page-directives.ts';
import { archivedSource } from '../helpers/archive-fixture.ts';
import { processors, renderMarkdownPage } from './citation-processors.ts';

/** Layout elements and components in a Markdown page, as directives, through each adapter. */

const index = new QuoteIndex([archivedSource('river-report', ['The mayor said two bridges were closed.'])]);
const cited = 'The mayor said two bridges closed.[@river-report: two bridges were closed]';
const placeholder = (component: string, props: object) =>
  `<${COMPONENT_PLACEHOLDER} data-component="${component}" data-props="${encodeURIComponent(JSON.stringify(props))}"></${COMPONENT_PLACEHOLDER}>`;

describe('directiveName', () => {
  it('writes a component as a directive in kebab case', () => {
    expect(directiveName('PlaceMap')).toBe('place-map');
    expect(directiveName('ReviewedExceptions')).toBe('reviewed-exceptions');
    expect(directiveName('Corrections')).toBe('corrections');
  });
});

describe.each(processors)('Markdown pages through %s', (processor) => {
  const run = (markdown: string) => renderMarkdownPage(processor, markdown, index);

  it('renders :::div{.class} and :::section{.class aria-label} as an MDX page writes the elements, with the claims inside cited as anywhere', () => {
    const { html, citations } = run(`:::div{.ways-in}\n${cited}\n:::\n\n:::section{.account aria-label="One account"}\n${cited}\n:::`);
    expect(html).toMatch(/^<div class="ways-in"><p><span id="claim-the-mayor-said-two-bridges-closed" class="claim">/);
    expect(html).toContain('<section class="account" aria-label="One account"><p><span id="claim-the-mayor-said-two-bridges-closed-2" class="claim">');
    expect(citations).toHaveLength(2);
    expect(() => run(':::div{.ways-in}\nThe mayor said two bridges closed.\n:::')).toThrow(/flood\.md:2:1: uncited claim/);
  });

  it('renders :::details as <details> with its heading in the <summary>', () => {
    const { html } = run(`:::details{.more-section}\n## About the dates\n\n${cited}\n:::`);
    expect(html).toMatch(/^<details class="more-section"><summary><h2[^>]*>About the dates<\/h2><\/summary><p><span id="claim-the-mayor-said-two-bridges-closed" class="claim">/);
  });

  it('renders containers inside containers (the outer with the longer fence), and what a :::details holds', () => {
    const { html } = run(
      `::::div{.accounts}\n:::section{.account}\n${cited}\n:::\n::::\n\n::::details{.more-section}\n## About the dates\n\n:::note\nOurs.\n:::\n\n:::div{.inner}\n${cited}\n:::\n\n::place-map{map="river"}\n::::`,
    );
    expect(html).toMatch(/^<div class="accounts"><section class="account"><p><span id="claim-the-mayor-said-two-bridges-closed" class="claim">/);
    expect(html).toMatch(/<details class="more-section"><summary><h2[^>]*>About the dates<\/h2><\/summary><div role="note" class="site-note"><p>Ours\.<\/p><\/div><div class="inner"><p>/);
    expect(html).toContain(`${placeholder('PlaceMap', { map: 'river' })}</details>`);
  });

  it('renders a component directive as a placeholder its route renders as the component', () => {
    const { html } = run(`${cited}\n\n::place-map{map="river-crossings"}\n\n::editors-note`);
    expect(html).toContain(`</p>${placeholder('PlaceMap', { map: 'river-crossings' })}${placeholder('EditorsNote', {})}`);
  });

  it.each([
    ['a layout directive with an id', `:::div{#main}\n${cited}\n:::`, /flood\.md:1:1: :::div may not carry the attribute "id"\n {2}Allowed on :::div: \.class\./],
    [
      'a layout directive with an event handler',
      `:::section{onclick="x"}\n${cited}\n:::`,
      /flood\.md:1:1: :::section may not carry the attribute "onclick"\n {2}Allowed on :::section: \.class, aria-label="…"/,
    ],
    ["a layout directive with MDX's className", `:::div{className="ways-in"}\n${cited}\n:::`, /flood\.md:1:1: :::div may not carry the attribute "className"\n {2}Allowed on :::div: \.class\./],
    ['a layout directive with a label', `:::div[Aside]\n${cited}\n:::`, /flood\.md:1:1: :::div takes no label \(\[…\]\)/],
    ['a layout directive never closed', `:::div{.ways-in}\n${cited}`, /flood\.md:1:1: this :::div is never closed/],
    [
      'a :::details without its heading',
      `:::details{.more-section}\n${cited}\n:::`,
      /flood\.md:1:1: :::details opens with the heading it shows while closed\n {2}Put the heading on the line after :::details/,
    ],
    ['a layout element with an attribute its MDX form does not take', `:::details{aria-label="x"}\n## Dates\n\n${cited}\n:::`, /flood\.md:1:1: :::details may not carry the attribute "aria-label"/],
    ['a component without its prop', `${cited}\n\n::place-map`, /flood\.md:3:1: ::place-map needs the attribute "map"\n {2}Allowed on ::place-map: map="…"\./],
    ['a component with an empty prop', `${cited}\n\n::place-map{map=""}`, /flood\.md:3:1: ::place-map gives the attribute "map" no value\n {2}Give it a plain string: map="…"\./],
    ['a component with a prop it does not take', `${cited}\n\n::place-map{map="a" zoom="2"}`, /flood\.md:3:1: ::place-map may not carry the attribute "zoom"/],
    [
      'a component with props where it takes none',
      `${cited}\n\n::editors-note{.wide}`,
      /flood\.md:3:1: ::editors-note may not carry the attribute "class"\n {2}::editors-note takes no attributes: remove the braces\./,
    ],
    ['a component with a label', `${cited}\n\n::place-map[The crossings]{map="a"}`, /flood\.md:3:1: ::place-map takes no label/],
    ['a component named as in MDX', `${cited}\n\n::PlaceMap{map="a"}`, /flood\.md:3:1: unknown directive "::PlaceMap"/],
  ])('refuses %s, with file, line, what is wrong and the fix', (_, markdown, error) => {
    expect(() => run(markdown)).toThrow(error);
  });
});

describe('componentParts', () => {
  it('cuts the HTML at each placeholder, keeping the HTML around it as it is', () => {
    const html = `<p>Before.</p>${placeholder('PlaceMap', { map: 'a' })}<p>Between.</p>${placeholder('EditorsNote', {})}`;
    expect(componentParts(html, 'pages/x.md')).toEqual(['<p>Before.</p>', { component: 'PlaceMap', props: { map: 'a' } }, '<p>Between.</p>', { component: 'EditorsNote', props: {} }]);
    expect(componentParts('<p>No components.</p>', 'pages/x.md')).toEqual(['<p>No components.</p>']);
  });

  it('refuses a placeholder naming no component of the site, or props it does not take', () => {
    expect(() => componentParts(placeholder('Script', {}), 'pages/x.md')).toThrow(/^pages\/x\.md: a component placeholder in its HTML names no component/);
    expect(() => componentParts(placeholder('PlaceMap', { map: 'a', onload: 'x' }), 'pages/x.md')).toThrow(/props it does not take/);
    expect(() => componentParts(`<${COMPONENT_PLACEHOLDER} data-component="PlaceMap" data-props="%7B%E0"></${COMPONENT_PLACEHOLDER}>`, 'pages/x.md')).toThrow(/^pages\/x\.md: a component placeholder/);
  });
});
