// npm run screenshots — pictures of the main pages for review: every language, the light and the
// dark theme, a phone (390×844) and a desktop (1440×900). Like the e2e tests it runs the production
// build (run `npm run build` first) on a fresh database of its own with the demo data, in Debian's
// Chromium. Writes screenshots/<language>/<theme>-<device>-<page>.png and screenshots/index.html,
// which shows them side by side. Flags: --only <language> limits it to one language.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Browser, chromium, type Page, request } from "@playwright/test";
import { LOCALE_NAMES, LOCALES, type Locale } from "../i18n/locales";
import { DEMO_USERS } from "../lib/seed/demo-data";
import { startReceiver } from "../tests/helpers/receiver";
import { chromiumPath } from "./chromium-path";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "screenshots");
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3400);
const INNGEST_PORT = Number(process.env.SCREENSHOTS_INNGEST_PORT ?? 8400);
const DATABASE = process.env.SCREENSHOTS_DATABASE ?? "blue_screenshots";
const BASE_URL = `http://127.0.0.1:${PORT}`;

const THEMES = ["light", "dark"] as const;
const DEVICES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

/** `open` prepares the page (opens a picker or a dialog); `dialog` pictures the screen, not the whole page. */
type Shot = { name: string; path: string; signedIn: boolean; open?: (page: Page) => Promise<void>; dialog?: boolean };

function startServer(): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "scripts/dev.ts",
      "--production",
      "--seed-demo",
      "--allow-loopback-webhooks",
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
    },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      // The banner comes once the worker's functions are synced: deliveries work from then on.
      if (output.includes("Blue Webhooks: http")) resolve(server);
    });
    server.on("exit", (code) => reject(new Error(`the server stopped (exit code ${code}) before it was ready`)));
  });
}

async function expectOk(response: Awaited<ReturnType<APIRequestContext["get"]>>, what: string) {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** The demo user's session, with a webhook whose log and chart have deliveries in them. */
async function prepareData(receiverUrl: string) {
  const api = await request.newContext({ baseURL: BASE_URL });
  await expectOk(
    await api.post("/api/v1/auth/sign-in", {
      data: { email: DEMO_USERS.demo.email, password: DEMO_USERS.demo.password },
    }),
    "sign in",
  );
  const groups = (await expectOk(await api.get("/api/v1/projects"), "projects")) as {
    data: { projects: { id: string; name: string }[] }[];
  };
  // The demo board with lists, records and tags.
  const project = groups.data.flatMap((g) => g.projects).find((p) => p.name === "Website Relaunch");
  if (!project) throw new Error("the demo data has no project “Website Relaunch”");
  const webhook = (await expectOk(
    await api.post("/api/v1/webhooks", {
      data: { name: "Sync to our CRM", url: `${receiverUrl}/crm`, allEvents: true, projectIds: [project.id] },
    }),
    "webhook",
  )) as { id: string };
  const board = (await expectOk(await api.get(`/api/v1/projects/${project.id}/board`), "board")) as {
    lists: { id: string }[];
  };
  for (const title of ["Call the printer", "Send the invoice"]) {
    await expectOk(
      await api.post(`/api/v1/projects/${project.id}/todos`, { data: { todoListId: board.lists[0].id, title } }),
      "record",
    );
  }
  return { api, projectId: project.id, webhookId: webhook.id };
}

function shots(projectId: string, webhookId: string): Shot[] {
  return [
    { name: "sign-in", path: "/sign-in", signedIn: false },
    { name: "projects", path: "/projects", signedIn: true },
    { name: "board", path: `/projects/${projectId}`, signedIn: true },
    { name: "companies", path: "/companies", signedIn: true },
    { name: "webhooks", path: "/settings/webhooks", signedIn: true },
    {
      name: "new-webhook",
      path: "/settings/webhooks/new",
      signedIn: true,
      open: async (page) => {
        // The second radio of each pair is "let me choose": open both pickers.
        const radios = page.locator('input[type="radio"]');
        for (const i of [1, 3]) await radios.nth(i).check();
      },
    },
    { name: "webhook", path: `/settings/webhooks/${webhookId}`, signedIn: true },
    {
      name: "attempt",
      path: `/settings/webhooks/${webhookId}`,
      signedIn: true,
      dialog: true,
      open: async (page) => {
        await page.getByTestId("delivery-row").first().getByRole("button").first().click();
        await page.getByRole("dialog").getByTestId("attempt").first().waitFor();
      },
    },
    { name: "event-types", path: "/event-types", signedIn: true },
    { name: "api-tokens", path: "/settings/api-tokens", signedIn: true },
    { name: "security", path: "/settings/security", signedIn: true },
    { name: "notices", path: "/notices", signedIn: true },
    { name: "api-docs", path: "/docs/api", signedIn: true },
  ];
}

async function shoot(
  browser: Browser,
  locale: Locale,
  list: Shot[],
  sessionCookies: { name: string; value: string }[],
) {
  const written: string[] = [];
  for (const theme of THEMES) {
    for (const [device, viewport] of Object.entries(DEVICES)) {
      for (const signedIn of [false, true]) {
        const cookies = [
          { name: "theme", value: theme },
          { name: "NEXT_LOCALE", value: locale },
          ...(signedIn ? sessionCookies : []),
        ].map((c) => ({ name: c.name, value: c.value, url: BASE_URL }));
        const context = await browser.newContext({ viewport, colorScheme: theme, locale, baseURL: BASE_URL });
        await context.addCookies(cookies);
        const page = await context.newPage();
        for (const shot of list.filter((s) => s.signedIn === signedIn)) {
          await page.goto(shot.path);
          await page.locator("h1").first().waitFor();
          await page.waitForLoadState("networkidle");
          if (shot.open) await shot.open(page);
          const file = path.join(locale, `${theme}-${device}-${shot.name}.png`);
          await page.screenshot({ path: path.join(OUT, file), fullPage: !shot.dialog });
          written.push(file);
        }
        await context.close();
      }
    }
  }
  return written;
}

function indexHtml(files: Record<string, string[]>) {
  const sections = Object.entries(files)
    .map(
      ([locale, list]) =>
        `<h2 id="${locale}">${LOCALE_NAMES[locale as Locale]} (${locale})</h2>\n<div class="grid">\n${list
          .map(
            (f) =>
              `<figure><a href="${f}"><img src="${f}" loading="lazy" alt="${f}"></a><figcaption>${f}</figcaption></figure>`,
          )
          .join("\n")}\n</div>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Blue Webhooks — screenshots</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;background:#f8fafc;color:#0f172a}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:1rem}
figure{margin:0;background:#fff;border:1px solid #cbd5e1;border-radius:6px;padding:.5rem}
img{width:100%;height:260px;object-fit:cover;object-position:top}
figcaption{font-size:12px;word-break:break-all}
</style></head><body>
<h1>Screenshots</h1>
<p>${Object.keys(files)
    .map((l) => `<a href="#${l}">${LOCALE_NAMES[l as Locale]}</a>`)
    .join(" · ")}</p>
${sections}
</body></html>
`;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.error("No production build: run `npm run build` first.");
    process.exit(1);
  }
  const onlyAt = process.argv.indexOf("--only");
  const locales = onlyAt >= 0 ? LOCALES.filter((l) => l === process.argv[onlyAt + 1]) : [...LOCALES];
  if (locales.length === 0) throw new Error(`--only takes one of ${LOCALES.join(", ")}`);

  fs.rmSync(OUT, { recursive: true, force: true });
  for (const locale of locales) fs.mkdirSync(path.join(OUT, locale), { recursive: true });

  const receiver = await startReceiver({ status: 200, body: "ok" });
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const { api, projectId, webhookId } = await prepareData(receiver.url);
    // Wait until the records' deliveries arrived, so the log and the chart have something to show.
    await receiver.waitFor(2, 60_000);
    const session = (await api.storageState()).cookies.map(({ name, value }) => ({ name, value }));
    const list = shots(projectId, webhookId);
    const files: Record<string, string[]> = {};
    for (const locale of locales) {
      // The signed-in user's saved language wins over the cookie: save each in turn.
      await expectOk(await api.patch("/api/v1/me", { data: { locale } }), "language");
      files[locale] = await shoot(browser, locale, list, session);
      console.log(`${locale}: ${files[locale].length} screenshots`);
    }
    fs.writeFileSync(path.join(OUT, "index.html"), indexHtml(files));
    console.log(`Open ${path.relative(process.cwd(), path.join(OUT, "index.html"))}`);
    await api.dispose();
  } finally {
    await browser.close();
    await receiver.close();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
