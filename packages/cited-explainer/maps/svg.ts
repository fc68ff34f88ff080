import { escapeXml } from '../lib/xml.ts';
import { creditSize, type MapModel } from './compose.ts';
import { round1 } from './geometry.ts';
import type { PlacedLabel } from './labels.ts';
import type { LegendSymbol } from './legend.ts';

/**
 * The SVG of a composed map, as a string: no script, no style attribute, no external reference.
 * Colours come from the classes (styles/maps.css), so it follows the page's light, dark and print
 * schemes. `id` prefixes the ids of its <title> and <desc>, which must be unique on the page.
 */

const countryPath = (country: { id: string; tone: string; d: string }) => `<path class="map-land map-${country.tone}" data-country="${country.id}" d="${country.d}"/>`;

/** A label: its first line at (x, y), each further line 1.2 em under the one before. */
function textElement(className: string, data: string, label: Pick<PlacedLabel, 'x' | 'y' | 'anchor' | 'lines'>): string {
  const n = round1;
  const anchor = label.anchor === 'start' ? '' : ` text-anchor="${label.anchor}"`;
  const [first, ...rest] = label.lines;
  const more = rest.map((line) => `<tspan x="${n(label.x)}" dy="1.2em">${escapeXml(line)}</tspan>`).join('');
  return `<text class="${className}"${data ? ` ${data}` : ''} x="${n(label.x)}" y="${n(label.y)}"${anchor}>${escapeXml(first)}${more}</text>`;
}

export function renderMapSvg(model: MapModel, id: string, layout: 'wide' | 'narrow' = 'wide'): string {
  const n = round1;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="map-svg map-${layout}" viewBox="0 0 ${model.width} ${model.height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc">`,
    `<title id="${id}-title">${escapeXml(model.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(model.description)}</desc>`,
    `<rect class="map-ground" width="${model.width}" height="${model.height}"/>`,
  );
  out.push(...model.countries.map(countryPath));
  // An area is hatched, so that the land's tone shows through and no one reads its edge as a border.
  if (model.areas.length > 0) out.push(`<defs>${hatchPattern(`${id}-hatch`)}</defs>`);
  for (const area of model.areas) out.push(`<path class="map-area" data-area="${escapeXml(area.key)}" fill="url(#${id}-hatch)" d="${area.d}"/>`);
  for (const route of model.routes) out.push(`<path class="map-line${route.status === 'proposed' ? ' map-proposed' : ''}" data-route="${escapeXml(route.key)}" d="${route.d}"/>`);
  for (const dot of model.dots) if (model.ringed && !dot.context) out.push(`<circle class="map-ring" cx="${n(dot.x)}" cy="${n(dot.y)}" r="9"/>`);
  for (const dot of model.dots) out.push(`<circle class="map-dot${dot.context ? ' map-dot-context' : ''}" cx="${n(dot.x)}" cy="${n(dot.y)}" r="${dot.context ? 2.5 : 3.5}"/>`);
  for (const label of model.labels) {
    const data = label.kind === 'country' ? `data-country="${label.key}"` : `data-place="${escapeXml(label.key)}"`;
    out.push(textElement(`map-label map-${label.kind}`, data, label));
  }
  const creditTop = model.height - 6 - (model.credit.length - 1) * creditSize * 1.2;
  out.push(textElement('map-label map-credit', '', { x: 6, y: creditTop, anchor: 'start', lines: model.credit }));
  out.push('</svg>');
  return out.join('');
}

/** Diagonal lines, 6 units apart, coloured by their class. */
const hatchPattern = (id: string) => `<pattern id="${id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><path class="map-hatch" d="M0 0V6"/></pattern>`;

/**
 * What each symbol of the key looks like: drawn with the map's own classes, so it is coloured as the
 * map is. A region is a name in italics, not a symbol: its entry is set in italics instead.
 */
const swatches: Record<Exclude<LegendSymbol, 'region' | 'area'>, string> = {
  town: '<circle class="map-dot" cx="16" cy="8" r="3.5"/>',
  ringed: '<circle class="map-ring" cx="16" cy="8" r="6.5"/><circle class="map-dot" cx="16" cy="8" r="3.5"/>',
  context: '<circle class="map-dot map-dot-context" cx="16" cy="8" r="2.5"/>',
  existing: '<path class="map-line" d="M2 8h28"/>',
  proposed: '<path class="map-line map-proposed" d="M2 8h28"/>',
  primary: '<rect class="map-land map-primary" x="2" y="2" width="28" height="12"/>',
  secondary: '<rect class="map-land map-secondary" x="2" y="2" width="28" height="12"/>',
  neighbour: '<rect class="map-land map-neighbour" x="2" y="2" width="28" height="12"/>',
};

/**
 * A key entry's symbol, 32 × 16 units: decoration, since the entry's text says what it is. An area's
 * hatching is a pattern, whose id (`id`) must be unique on the page.
 */
export function renderSwatch(symbol: Exclude<LegendSymbol, 'region'>, id = 'map-key'): string {
  const drawn = symbol === 'area' ? `<defs>${hatchPattern(`${id}-hatch`)}</defs><rect class="map-area" fill="url(#${id}-hatch)" x="2" y="2" width="28" height="12"/>` : swatches[symbol];
  return `<svg xmlns="http://www.w3.org/2000/svg" class="map-swatch" viewBox="0 0 32 16" aria-hidden="true">${drawn}</svg>`;
}

/**
 * The locator inset: the region's outlines and a rectangle where the map lies, with its text
 * alternative. Its name is the title the page shows above it, the element `titleId`.
 */
export function renderLocatorSvg(inset: NonNullable<MapModel['inset']>, titleId: string, description: string): string {
  const { locator, area } = inset;
  const n = round1;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="map-locator" viewBox="0 0 ${locator.width} ${locator.height}" role="img" aria-labelledby="${titleId}" aria-describedby="${titleId}-desc">`,
    `<desc id="${titleId}-desc">${escapeXml(description)}</desc>`,
    `<rect class="map-ground" width="${locator.width}" height="${locator.height}"/>`,
    ...locator.countries.map(countryPath),
    ...locator.labels.map((label) => textElement('map-label map-locator-name', `data-country="${label.key}"`, label)),
    `<rect class="map-locator-area" x="${n(area.x)}" y="${n(area.y)}" width="${n(area.width)}" height="${n(area.height)}"/>`,
    '</svg>',
  ].join('');
}
