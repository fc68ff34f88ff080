import { describe, expect, it } from 'vitest';
import { addressStandIn, withAddressSlot, withAddressSource } from '../../packages/cited-explainer/cite/address-slot.ts';
import { citeBlock } from '../../packages/cited-explainer/cite/block.ts';
import { downloadBody } from '../../packages/cited-explainer/cite/download-files.ts';
import { formatWithCiteproc } from '../../packages/cited-explainer/cite/format.ts';
import { pageCslItem } from '../../packages/cited-explainer/cite/item.ts';
import { readerScript } from '../../packages/cited-explainer/lib/reader-script.ts';

/** What a reader without script sees: the hidden part left out. */
const withoutScript = (html: string) => html.replace(/<span class="cite-address"[^>]*hidden>.*?<span class="cite-url"><\/span>.*?<\/span>/, '');

/** What the reader's script makes of it (lib/reader-script.ts), read at `address`. */
const withScript = (html: string, address: string) =>
  html
    .replace(/<span class="cite-no-address">.*?<\/span>/, '')
    .replace(
      /<span class="cite-address" data-path="([^"]*)" hidden>(.*?)<span class="cite-url"><\/span>(.*?)<\/span>/,
      (_, path: string, before: string, after: string) => `${before}${new URL(path, address).href}${after}`,
    );

describe('a citation of a site whose address is not known at build', () => {
  const page = { page: { title: 'Flood & Bridges', updated: '2024-06-01' }, site: { title: 'River Town explained', url: undefined }, path: '/flood/', base: '/explainer' };
  const block = citeBlock(pageCslItem(page), '/flood/', '/explainer', true);
  const read = formatWithCiteproc(pageCslItem({ ...page, site: { ...page.site, url: 'https://reader.example/' } })).styles;
  const bare = formatWithCiteproc(pageCslItem(page)).styles;

  it.each(block.styles.map((style, i) => [style.id, style.html, i] as const))('%s: reads whole without the address, no path in sight', (_, html, i) => {
    expect(withoutScript(html)).toBe(bare[i].html);
    expect(withoutScript(html)).not.toContain('/flood/');
    expect(html).not.toContain(addressStandIn);
  });

  it.each(block.styles.map((style, i) => [style.id, style.html, i] as const))('%s: with script, reads as the style writes the address the page was read at', (_, html, i) => {
    expect(withScript(html, 'https://reader.example/explainer/flood/#top')).toBe(read[i].html);
  });

  it('keeps no slot when the address is known', () => {
    const known = citeBlock(pageCslItem({ ...page, site: { ...page.site, url: 'https://river-town.example.org/' } }), '/flood/', '/explainer', false);
    for (const style of known.styles) {
      expect(style.html).not.toContain('cite-address');
      expect(style.html).toContain('https://river-town.example.org/explainer/flood/');
    }
  });
});

describe('withAddressSlot', () => {
  it('keeps the words that differ without the address, and never splits a tag or an entity', () => {
    expect(withAddressSlot('<i>A</i>. 2026 &#38; more.', `<i>A</i>. 2026 &#38; more; see ${addressStandIn}`, '/a/')).toBe(
      '<i>A</i>. 2026 &#38; more<span class="cite-no-address">.</span><span class="cite-address" data-path="/a/" hidden>; see <span class="cite-url"></span></span>',
    );
    expect(withAddressSlot('<i>A</i>', `<b>A</b> ${addressStandIn}`, '/a/')).toBe(
      '<span class="cite-no-address"><i>A</i></span><span class="cite-address" data-path="/a/" hidden><b>A</b> <span class="cite-url"></span></span>',
    );
    expect(withAddressSlot('x &#38;.', `x &#39; ${addressStandIn}`, '/a"b/')).toBe(
      'x <span class="cite-no-address">&#38;.</span><span class="cite-address" data-path="/a&#34;b/" hidden>&#39; <span class="cite-url"></span></span>',
    );
  });

  it('changes nothing where the style shows no address', () => {
    expect(withAddressSlot('<i>A</i>.', '<i>A</i>.', '/a/')).toBe('<i>A</i>.');
  });
});

describe('the download files of a site whose address is not known at build, as the reader’s script saves them', () => {
  // The function the script inlines, made from its source as the browser does.
  const withAddress = new Function(`return ${withAddressSource}`)() as (text: string, url: string) => string;
  const site = { title: 'River Town {flood} & "bridges"', url: undefined };
  const pages = [
    pageCslItem({ page: { title: 'Flood & Bridges', updated: '2024-06-01' }, site, path: '/flood/', base: '/explainer' }),
    pageCslItem({ page: { title: 'Home', updated: '2024-06-02' }, site, path: '/', base: '/' }),
  ];
  const address = 'https://mirror.example.org/explainer/flood/?q=1%7B';

  it.each(pages.flatMap((item) => (['bib', 'ris', 'json'] as const).map((ext) => [item.id, ext, item] as const)))(
    '%s.%s: exactly the file the build writes for the page with that address',
    (_, ext, item) => {
      const built = downloadBody[ext](item);
      expect(built, 'the file as built has no address').not.toContain('mirror.example.org');
      expect(withAddress(built, address)).toBe(downloadBody[ext]({ ...item, URL: address }));
    },
  );

  it('the address a browser gives is one BibTeX, RIS and JSON carry as it is', () => {
    const href = new URL('/explainer/a b{c}\\d"e/', 'https://mirror.example.org').href;
    expect(href).not.toMatch(/[{}\\\s"]/);
    for (const ext of ['bib', 'ris', 'json'] as const) expect(withAddress(downloadBody[ext](pages[0]), href), ext).toBe(downloadBody[ext]({ ...pages[0], URL: href }));
  });

  it('the reader’s script, with the function inlined, is valid JavaScript', () => {
    expect(() => new Function(readerScript)).not.toThrow();
  });
});
