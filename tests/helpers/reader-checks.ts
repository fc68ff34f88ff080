import type { Page } from 'playwright-core';

/** The design bar of issue 10: no text under 12 px on screen, no tap target under 24 px (WCAG 2.5.8). */
export const MIN_TEXT_PX = 12;
export const MIN_TARGET_PX = 24;

export interface ReaderProblems {
  /** How far the page scrolls sideways, and what sticks out; null when it does not. */
  overflow: string | null;
  /** Text drawn under MIN_TEXT_PX, map labels included (SVG text is measured as drawn, after scaling). */
  smallText: string[];
  /** Targets under MIN_TARGET_PX in either direction that neither sit in a sentence nor keep their distance. */
  smallTargets: string[];
}

/**
 * What a reader would trip over on the page as it is laid out now (viewport, colour scheme). The
 * exceptions are WCAG 2.5.8's own: a link inside a line of text, and an undersized target whose
 * 24 px circle touches no other target. `overflowOnly`: only the sideways scrolling is measured.
 */
export async function readerProblems(page: Page, options: { overflowOnly?: boolean } = {}): Promise<ReaderProblems> {
  return page.evaluate(
    ({ minText, minTarget, overflowOnly }) => {
      const describe = (element: Element) => {
        const classes = typeof element.className === 'string' ? element.className : (element.getAttribute('class') ?? '');
        const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `<${element.tagName.toLowerCase()}${classes ? ` class="${classes}"` : ''}> "${text}"`;
      };
      const shown = (element: Element) => {
        const style = getComputedStyle(element);
        // checkVisibility: not inside a closed disclosure, whose content keeps its boxes but is not drawn.
        return style.visibility !== 'hidden' && Number(style.opacity) > 0 && element.getClientRects().length > 0 && element.checkVisibility();
      };

      const root = document.documentElement;
      let overflow: string | null = null;
      if (root.scrollWidth > root.clientWidth) {
        const out = [...document.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5);
        // The innermost elements that stick out: their ancestors only stick out because of them.
        const innermost = out.filter((element) => !out.some((other) => other !== element && element.contains(other)));
        overflow = `${root.scrollWidth} px wide in a ${root.clientWidth} px window: ${innermost.slice(0, 3).map(describe).join('; ')}`;
      }
      if (overflowOnly) return { overflow, smallText: [], smallTargets: [] };

      const smallText = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || !shown(parent)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        if (![...range.getClientRects()].some((rect) => rect.width > 0 && rect.height > 0)) continue;
        const svg = parent.closest('svg');
        const scale = svg ? (svg.getScreenCTM()?.a ?? 1) : 1;
        const size = parseFloat(getComputedStyle(parent).fontSize) * scale;
        if (size < minText - 0.01) smallText.add(`${describe(parent)} at ${size.toFixed(1)} px`);
      }

      // Content clipped to nothing (a list kept for screen readers and print) cannot be tapped.
      const clippedAway = (element: Element) => {
        for (let box = element.parentElement; box; box = box.parentElement) {
          const rect = box.getBoundingClientRect();
          if (getComputedStyle(box).overflow !== 'visible' && (rect.width <= 1 || rect.height <= 1)) return true;
        }
        return false;
      };
      // A target's hit area: its box, or the box its ::after draws around it when that is larger (the
      // citation marker's 24 px square, placed absolutely on the marker's centre, outside the layout).
      const hitArea = (element: Element) => {
        const rect = element.getBoundingClientRect();
        const after = getComputedStyle(element, '::after');
        if (after.content === 'none' || after.position !== 'absolute') return rect;
        const width = Math.max(rect.width, parseFloat(after.width) || 0);
        const height = Math.max(rect.height, parseFloat(after.height) || 0);
        return new DOMRect(rect.left + rect.width / 2 - width / 2, rect.top + rect.height / 2 - height / 2, width, height);
      };
      const targets = [...document.querySelectorAll('a[href], button, summary, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])')]
        .filter((element) => shown(element) && getComputedStyle(element).pointerEvents !== 'none' && !clippedAway(element))
        .map((element) => ({ element, rect: hitArea(element) }))
        .filter(({ rect }) => rect.width > 0 && rect.height > 0);
      const inSentence = (element: Element) => {
        if (getComputedStyle(element).display !== 'inline') return false;
        let block = element.parentElement;
        while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
        const own = (element.textContent ?? '').trim().length;
        return ((block as HTMLElement | null)?.innerText ?? '').trim().length > own + 1;
      };
      const small = (rect: DOMRect) => rect.width < minTarget - 0.01 || rect.height < minTarget - 0.01;
      const centre = (rect: DOMRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      const distanceTo = (point: { x: number; y: number }, rect: DOMRect) => Math.hypot(Math.max(rect.left - point.x, 0, point.x - rect.right), Math.max(rect.top - point.y, 0, point.y - rect.bottom));
      const smallTargets: string[] = [];
      for (const target of targets) {
        if (!small(target.rect) || inSentence(target.element)) continue;
        const c = centre(target.rect);
        const crowded = targets.some((other) => {
          if (other === target || other.element.contains(target.element) || target.element.contains(other.element)) return false;
          if (distanceTo(c, other.rect) < minTarget / 2) return true;
          if (!small(other.rect)) return false;
          const o = centre(other.rect);
          return Math.hypot(c.x - o.x, c.y - o.y) < minTarget;
        });
        if (crowded) smallTargets.push(`${describe(target.element)} ${Math.round(target.rect.width)}×${Math.round(target.rect.height)} px`);
      }
      return { overflow, smallText: [...smallText], smallTargets };
    },
    { minText: MIN_TEXT_PX, minTarget: MIN_TARGET_PX, overflowOnly: options.overflowOnly ?? false },
  );
}
