import { escapeXml } from '../lib/xml.ts';
import { creditLine, type MapModel } from './compose.ts';
import { round1 } from './geometry.ts';

/**
 * The SVG of a composed map, as a string: no script, no style attribute, no external reference.
 * Colours come from the classes (src/styles/maps.css), so it follows the page's light, dark and print
 * schemes. `id` prefixes the ids of its <title> and <desc>, which must be unique on the page.
 */

export function renderMapSvg(model: MapModel, id: string): string {
  const n = round1;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" viewBox="0 0 ${model.width} ${model.height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(model.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(model.description)}</desc>`,
    `<rect class="map-ground" width="${model.width}" height="${model.height}"/>`,
  );
  for (const country of model.countries) out.push(`<path class="map-land map-${country.tone}" data-country="${country.id}" d="${country.d}"/>`);
  for (const route of model.routes) out.push(`<path class="map-line${route.status === 'proposed' ? ' map-proposed' : ''}" data-route="${escapeXml(route.key)}" d="${route.d}"/>`);
  for (const dot of model.dots) out.push(`<circle class="map-dot${dot.context ? ' map-dot-context' : ''}" cx="${n(dot.x)}" cy="${n(dot.y)}" r="${dot.context ? 2.5 : 3.5}"/>`);
  for (const label of model.labels) {
    const data = label.kind === 'route' ? `data-route="${escapeXml(label.key)}"` : label.kind === 'country' ? `data-country="${label.key}"` : `data-place="${escapeXml(label.key)}"`;
    const anchor = label.anchor === 'start' ? '' : ` text-anchor="${label.anchor}"`;
    const [first, ...rest] = label.lines;
    const more = rest.map((line) => `<tspan x="${n(label.x)}" dy="1.2em">${escapeXml(line)}</tspan>`).join('');
    out.push(`<text class="map-label map-${label.kind}" ${data} x="${n(label.x)}" y="${n(label.y)}"${anchor}>${escapeXml(first)}${more}</text>`);
  }
  out.push(`<text class="map-label map-credit" x="6" y="${model.height - 6}">${escapeXml(creditLine(model.attribution))}</text>`);
  out.push('</svg>');
  return out.join('');
}
