// The axe check every e2e test relies on can fail: it reports what it should, only within the
// selectors it is given, and again on a document it already ran in.
import { expect, test } from "@playwright/test";
import { axeFindings } from "./page-checks";

const BROKEN = `<!doctype html><html lang="en"><head><title>Checks</title></head><body>
  <main><h1>Checks</h1>
    <section id="bad"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /><button></button></section>
    <section id="good"><p>Readable text.</p></section>
  </main></body></html>`;

test("axe finds an image without text and a nameless button, only where it is told to look", async ({ page }) => {
  await page.setContent(BROKEN);
  const everywhere = await axeFindings(page);
  expect(everywhere.map((line) => line.split(" ")[0])).toEqual(expect.arrayContaining(["image-alt", "button-name"]));
  expect(await axeFindings(page, ["#good"])).toEqual([]);
  // A second run on the same document (axe is already there) finds the same.
  expect(await axeFindings(page)).toEqual(everywhere);
});
