// Checks every e2e test can run on the page it is showing: axe finds no violation of any impact,
// and nothing makes the page wider than the screen.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * The axe run every e2e check uses. Only violations are reported (details of the rules that passed
 * make axe slower on big pages). Legacy mode runs axe in the page itself: by default axe opens a
 * blank page to merge the results of cross-origin frames, which no page of the app has, and that
 * page doubled the time of every check (1.8 s against 0.9 s a page on the CI machine).
 */
export function axe(page: Page) {
  return new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).setLegacyMode(true);
}

/** axe's findings, one line per violation and element, so that a failure says what to fix. */
export async function expectNoAxeViolations(page: Page, name: string, within?: string) {
  const builder = axe(page);
  if (within) builder.include(within);
  const { violations } = await builder.analyze();
  const found = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ")}`),
  );
  expect.soft(found, `${name}: axe violations`).toEqual([]);
}

/** The page scrolls only up and down: `scrollWidth <= innerWidth`; a failure names the widest offenders. */
export async function expectNoHorizontalScroll(page: Page, name: string) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`.slice(0, 120)),
  }));
  expect
    .soft(widths.page, `${name}: wider than the screen: ${widths.wide.join(" | ")}`)
    .toBeLessThanOrEqual(widths.screen);
}

/** The phone screens every page must fit: a common phone, and the narrowest the app supports. */
export const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;

/**
 * No horizontal scroll at each of `PHONES`: the page is laid out again at each size (not reloaded,
 * so what a step opened stays open) and is left at the first.
 */
export async function expectNoHorizontalScrollOnPhones(page: Page, name: string) {
  for (const size of [...PHONES].reverse()) {
    await page.setViewportSize(size);
    await expectNoHorizontalScroll(page, `${name} at ${size.width} px`);
  }
}

/**
 * Both checks. `within` limits axe to what a step opened (an open dialog: the page beneath it is
 * inert and was checked before it opened).
 */
export async function expectAccessibleAndFitting(page: Page, name: string, within?: string) {
  await expectNoAxeViolations(page, name, within);
  await expectNoHorizontalScroll(page, name);
}
