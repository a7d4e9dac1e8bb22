// npm run bench:form — how long the new-webhook form takes, for a person with 500 projects in 5
// companies, from navigation start until both pickers are filled and answer a click: "Let me
// choose" ticked in each picker (by the page itself, once React has hydrated it) and a project's and
// an event's checkbox shown and enabled. Runs the production build (run `npm run build` first) on a
// fresh database of its own, in Debian's Chromium like the e2e tests. Prints figures; asserts
// nothing. Settings: BENCH_FORM_PORT (3500), BENCH_FORM_INNGEST_PORT (8500), BENCH_FORM_DATABASE
// (blue_bench_form), BENCH_FORM_LOADS (10), CHROMIUM_PATH.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { type APIRequestContext, type APIResponse, chromium, type Page, request } from "@playwright/test";
import { chromiumPath } from "./chromium-path";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.BENCH_FORM_PORT ?? 3500);
const INNGEST_PORT = Number(process.env.BENCH_FORM_INNGEST_PORT ?? 8500);
const DATABASE = process.env.BENCH_FORM_DATABASE ?? "blue_bench_form";
const LOADS = Number(process.env.BENCH_FORM_LOADS ?? 10);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const COMPANIES = 5;
const PROJECTS_PER_COMPANY = 100;
/** The target for this measure on localhost. */
const TARGET_MS = 1_000;

function startServer(): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "scripts/dev.ts",
      "--production",
      "--database",
      DATABASE,
      "--fresh",
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(PORT),
        INNGEST_LOCAL_PORT: String(INNGEST_PORT),
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Blue Webhooks: http")) resolve(server);
    });
    server.on("exit", (code) => reject(new Error(`the server stopped (exit code ${code}) before it was ready`)));
  });
}

async function dataOf<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

/** A new account with 5 companies of 100 projects each, made through the API. */
async function seed(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE_URL });
  await dataOf(
    await api.post("/api/v1/auth/sign-up", {
      data: { name: "Bench", email: `bench-${Date.now()}@example.test`, password: "bench-password-123" },
    }),
    "sign up",
  );
  for (let c = 1; c <= COMPANIES; c++) {
    const company = await dataOf<{ id: string }>(
      await api.post("/api/v1/companies", { data: { name: `Company ${c}` } }),
      "company",
    );
    // A few at a time: the API's own pace, without queueing hundreds of requests at once.
    for (let p = 1; p <= PROJECTS_PER_COMPANY; p += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api
            .post(`/api/v1/companies/${company.id}/projects`, { data: { name: `Project ${c}-${p + i}` } })
            .then((res) => dataOf(res, "project")),
        ),
      );
    }
  }
  return api;
}

declare global {
  interface Window {
    /** ms from navigation start until both pickers were filled and interactive. */
    __formReady?: number;
    /** ms from navigation start until the first picker was hydrated. */
    __formHydrated?: number;
  }
}

/**
 * Runs in the page from its first byte: once a picker's "Let me choose" radio is hydrated (React
 * has attached its props to it) it is clicked, as a person would, and clicked again while React
 * puts it back (a click in the middle of hydration is lost); the moment both pickers then show an
 * enabled checkbox is recorded, in ms since navigation start. Plain JavaScript in a string, so that
 * nothing the TypeScript loader adds to functions travels into the page.
 */
const WATCH_FORM = `(() => {
  const hydrated = (el) => Object.keys(el).some((key) => key.startsWith("__reactProps"));
  const ready = (name) => {
    const choose = document.querySelectorAll('input[type="radio"][name="' + name + '"]')[1];
    if (!choose || !hydrated(choose)) return false;
    window.__formHydrated ??= performance.now();
    if (!choose.checked) choose.click();
    const boxes = choose.closest("fieldset")?.querySelectorAll('input[type="checkbox"]') ?? [];
    return [...boxes].some((box) => !box.disabled && box.offsetParent !== null);
  };
  const check = () => {
    // Both are asked every frame, so that each picker's radio is clicked as soon as it is hydrated.
    const projects = ready("project-mode");
    const events = ready("event-mode");
    if (projects && events) window.__formReady = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function load(page: Page) {
  await page.goto("about:blank");
  await page.goto(`${BASE_URL}/settings/webhooks/new`);
  await page
    .waitForFunction(() => window.__formReady !== undefined, null, { timeout: 30_000 })
    .catch((error) => {
      throw new Error(`the form was not ready within 30 s at ${page.url()}: ${error}`);
    });
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return {
      ready: window.__formReady ?? Number.NaN,
      hydrated: window.__formHydrated ?? Number.NaN,
      firstByte: nav.responseStart,
      domReady: nav.domContentLoadedEventEnd,
    };
  });
}

const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const ms = (n: number) => `${Math.round(n)} ms`;

async function main() {
  console.log(`starting the production build on ${BASE_URL} (database ${DATABASE})…`);
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const t0 = performance.now();
    const api = await seed();
    console.log(
      `seeded ${COMPANIES * PROJECTS_PER_COMPANY} projects in ${COMPANIES} companies in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const context = await browser.newContext({
      storageState: await api.storageState(),
      viewport: { width: 1440, height: 900 },
    });
    await context.addInitScript({ content: WATCH_FORM });
    const page = await context.newPage();
    // The first load fills the browser's cache with the app's scripts; it is not counted.
    await load(page);
    // What was measured can be used: a project checkbox takes a click.
    await page.locator('fieldset:has(input[name="project-mode"]) input[type="checkbox"]:visible').first().check();
    const runs = [];
    for (let i = 0; i < LOADS; i++) runs.push(await load(page));
    const line = (label: string, values: number[], note = "") =>
      console.log(
        `  ${label.padEnd(20)} p50 ${ms(pct(values, 50)).padStart(7)}   p95 ${ms(pct(values, 95)).padStart(7)}${note}`,
      );
    console.log(`\nnew-webhook form, ${LOADS} loads (after one warm-up), navigation start →`);
    line(
      "first byte",
      runs.map((r) => r.firstByte),
    );
    line(
      "DOM ready",
      runs.map((r) => r.domReady),
    );
    line(
      "pickers hydrated",
      runs.map((r) => r.hydrated),
    );
    line(
      "pickers interactive",
      runs.map((r) => r.ready),
      `   (target ≤ ${ms(TARGET_MS)})`,
    );
    console.log(`  every load: ${runs.map((r) => ms(r.ready)).join(", ")}`);
  } finally {
    await browser.close();
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
