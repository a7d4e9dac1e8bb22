// Checks every e2e test can run on the page it is showing: axe finds no violation of any impact,
// and nothing makes the page wider than the screen.
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import type { AxeResults, ContextObject } from "axe-core";

/** axe-core's browser build. */
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe's findings on the page (or only within the `include` selectors), one line per violation and
 * element, so that a failure says what to fix; every impact counts. axe-core is put into the page
 * once per document and run there, reporting violations only. (@axe-core/playwright evaluated its
 * 580 KB source twice per check and opened a blank page to merge the results of cross-origin
 * frames, which no page of the app has: 1.8 s a check on the CI machine, against ~0.3 s here when
 * the document already has axe.) Evaluated scripts are not subject to the page's CSP.
 */
export async function axeFindings(page: Page, include: string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selectors) => {
    const { axe } = window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } };
    const context: ContextObject | Document = selectors.length > 0 ? { include: selectors } : document;
    const { violations } = await axe.run(context, { resultTypes: ["violations"] });
    return violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ")}`),
    );
  }, include);
}

/**
 * No axe finding on the page (or within `within`); soft, so a test reports every page's. A whole
 * page is checked once its title has arrived: Next.js streams a page's metadata after its body, so
 * right after a client-side navigation the document's title can still be empty (seen once in CI:
 * axe's document-title on the webhook list). A title that never comes still fails here.
 */
export async function expectNoAxeViolations(page: Page, name: string, within?: string) {
  if (!within) await expect(page, `${name}: the page's title`).toHaveTitle(/\S/);
  expect.soft(await axeFindings(page, within ? [within] : []), `${name}: axe violations`).toEqual([]);
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
