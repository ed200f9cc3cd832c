import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// The page scripts below are strings: they run in Chromium, and the tests compile without the
// DOM's types (as the other browser tests do).

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * axe-core's violations on the page as it is now. The page's context needs `bypassCSP: true`:
 * the app's policy rightly refuses the inline script that brings axe in.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate<AxeViolation[]>(`axe.run(document).then((result) =>
    result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(" ")),
    })))`);
}

/** How far the page itself scrolls sideways, in CSS pixels: 0 when it fits the screen. */
export const sidewaysScroll = (page: Page) =>
  page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );

/**
 * The outermost elements that stick out past the screen's right edge and are not inside a
 * scroller of their own: what makes the page scroll sideways.
 */
export const widerThanScreen = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    const sticksOut = (element) => element.getBoundingClientRect().right > width + 0.5;
    const clips = (element) => getComputedStyle(element).overflowX !== "visible";
    const outermost = (element) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (clips(up) || sticksOut(up)) return false;
      }
      return true;
    };
    return [...document.querySelectorAll("body *")]
      .filter((element) => sticksOut(element) && outermost(element))
      .map((element) => element.tagName.toLowerCase() + "." + element.className);
  })()`);

/**
 * Elements that scroll sideways (their content is wider than they are) but that a keyboard
 * cannot reach or a screen reader cannot name: each should be a region (role="region", or a
 * section, which has that role once labelled) with an aria-label and tabindex="0".
 */
export const unlabelledScrollers = (page: Page) =>
  page.evaluate<string[]>(`[...document.querySelectorAll("body *")]
    .filter((element) => {
      const overflow = getComputedStyle(element).overflowX;
      return (overflow === "auto" || overflow === "scroll") &&
        element.scrollWidth > element.clientWidth + 1;
    })
    .filter((element) =>
      !element.matches("[role=region], section") ||
      !element.getAttribute("aria-label") ||
      element.tabIndex !== 0)
    .map((element) => element.tagName.toLowerCase() + "." + element.className)`);

/**
 * SVG text drawn smaller than `minPixels` on screen: a plot scaled down to a phone's width
 * shrinks its labels with it.
 */
export const unreadableSvgText = (page: Page, selector: string, minPixels: number) =>
  page.evaluate<
    { text: string; px: number }[]
  >(`[...document.querySelectorAll(${JSON.stringify(`${selector} text`)})]
    .filter((text) => text.getClientRects().length > 0 && text.textContent.trim())
    .map((text) => {
      const svg = text.ownerSVGElement;
      const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
      return { text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale };
    })
    .filter((label) => label.px < ${minPixels})`);

/** Whether the page scrolls down more than `screens` screens. */
export const tallerThanScreens = (page: Page, screens: number) =>
  page.evaluate<boolean>(`document.documentElement.scrollHeight > ${screens} * innerHeight`);
