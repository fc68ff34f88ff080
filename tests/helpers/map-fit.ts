import type { Page } from 'playwright-core';

/** How the maps of a page fit their frames at one width, as drawn (fonts and all). */
export interface MapFit {
  width: number;
  /** One per map frame: the drawing shown, its width and its frame's, and its labels that reach outside it. */
  frames: Array<{ shown: string; drawnWidth: number; frameWidth: number; scrollWidth: number; cutLabels: string[] }>;
}

/**
 * The maps of the page as laid out now: which drawing each frame shows, whether it is wider than
 * its frame (cropped, or scrolling), and which of its labels, measured in the browser's own font,
 * reach past the edge of the drawing (cut off).
 */
export function mapFit(page: Page): Promise<MapFit> {
  return page.evaluate(() => {
    const frames = [...document.querySelectorAll<HTMLElement>('.map-frame')].map((frame) => {
      const svg = [...frame.querySelectorAll<SVGSVGElement>('svg')].find((candidate) => candidate.getClientRects().length > 0);
      if (!svg) return { shown: 'none', drawnWidth: 0, frameWidth: frame.clientWidth, scrollWidth: frame.scrollWidth, cutLabels: [] };
      const view = svg.viewBox.baseVal;
      const cutLabels = [...svg.querySelectorAll<SVGTextElement>('text')].flatMap((text) => {
        const box = text.getBBox();
        const inside = box.x >= view.x - 0.5 && box.y >= view.y - 0.5 && box.x + box.width <= view.x + view.width + 0.5 && box.y + box.height <= view.y + view.height + 0.5;
        return inside ? [] : [`"${text.textContent}" at ${Math.round(box.x)}–${Math.round(box.x + box.width)} of ${view.width}`];
      });
      return { shown: svg.getAttribute('class') ?? '', drawnWidth: svg.getBoundingClientRect().width, frameWidth: frame.clientWidth, scrollWidth: frame.scrollWidth, cutLabels };
    });
    return { width: window.innerWidth, frames };
  });
}
