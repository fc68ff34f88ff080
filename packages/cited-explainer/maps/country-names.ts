import type { MapCountry } from '../schemas/maps.ts';
import { type Frame, insideRings, type Ring, ringsCentre } from './geometry.ts';
import { type Box, type PlacedLabel, placeLabels } from './labels.ts';

/**
 * Where the countries' names go, pure: each at its first label point of the coordinates file, or
 * else at the centre of what is shown of it, where the name lies on the country, inside the frame
 * and clear of everything in `taken` (which grows with each name placed). A country with no such
 * point is left unnamed. Shared by the maps and the locator inset.
 */
export function placeCountryNames(
  countries: ReadonlyArray<{ id: string; name: string; rings: readonly Ring[] }>,
  specs: readonly MapCountry[],
  frame: Frame,
  taken: Box[],
  style: { fontSize: number; upperCase: boolean },
): Array<PlacedLabel & { key: string }> {
  const placed: Array<PlacedLabel & { key: string }> = [];
  for (const country of countries) {
    const spec = specs.find((c) => c.id === country.id);
    const centre = ringsCentre(country.rings);
    const candidates = [...(spec?.labels ?? []).map((point) => frame.project(point)), ...(centre ? [centre] : [])];
    for (const [x, y] of candidates.filter((at) => insideRings(at, country.rings))) {
      const request = {
        id: `country:${country.id}`,
        lines: [style.upperCase ? country.name.toUpperCase() : country.name],
        x,
        y,
        fontSize: style.fontSize,
        sides: ['centre' as const],
        // Capitals, letter-spaced (maps.css), are wider than running text.
        em: style.upperCase ? 0.78 : 0.66,
      };
      const [label] = placeLabels([request], frame, taken);
      if (label && !label.crowded) {
        placed.push({ ...label, key: country.id });
        taken.push(label.box);
        break;
      }
    }
  }
  return placed;
}
