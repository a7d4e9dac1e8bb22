// The browser the e2e tests, the screenshots and the form benchmark drive: CHROMIUM_PATH, else
// Debian's Chromium headless shell (package chromium-headless-shell, what Playwright itself runs
// headless; about 10 % less CPU for the e2e suite on a 2-core machine) when it is installed, else
// the full /usr/bin/chromium.
import fs from "node:fs";

const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
}
