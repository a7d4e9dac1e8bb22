// Every page, signed in and signed out, in the light and the dark theme (each page loaded once,
// both themes checked on it): axe finds no violation of any impact; on a phone (390×844) the main
// pages too, none wider than the screen. Beside it, what makes the pages usable without a mouse or
// in the dark: the skip link, the current page in the menu, the theme menu that is remembered without a flash of the wrong
// theme, and the activity chart's axis and empty state.
import { randomUUID } from "node:crypto";
import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  expect,
  type Locator,
  type Page,
  type PlaywrightWorkerArgs,
  test,
} from "@playwright/test";
import { startReceiver } from "../tests/helpers/receiver";
import { apiRecord, apiUser, apiWorkspace, expectData } from "./fixtures";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./page-checks";

type Scheme = "light" | "dark";

/** The resource a create call answered with (201). */
async function created(res: Promise<APIResponse>): Promise<{ id: string }> {
  const answer = await res;
  expect(answer.status(), await answer.text()).toBe(201);
  return answer.json();
}

type Check = { name: string; path: string; ready: (p: Page) => Locator; open?: (p: Page) => Promise<Locator> };

/**
 * axe on each page (after `open` when given), in each of `schemes`: the page is loaded once and the
 * device's colour scheme switched under it (the theme "system" follows it in CSS alone), once the
 * colour transitions it started have ended. On a phone also that the page is no wider than the screen.
 */
async function checkPages(page: Page, checks: Check[], { phone = false, schemes = ["light"] as Scheme[] } = {}) {
  for (const { name, path, ready, open } of checks) {
    await test.step(name, async () => {
      await page.emulateMedia({ colorScheme: schemes[0] });
      await page.goto(path);
      await expect(ready(page), name).toBeVisible({ timeout: 20_000 });
      if (open) await expect(await open(page), `${name}: opened`).toBeVisible();
      for (const scheme of schemes) {
        await page.emulateMedia({ colorScheme: scheme });
        await transitionsEnded(page);
        await expectNoAxeViolations(page, `${name}, ${scheme}`);
      }
      if (phone) await expectNoHorizontalScroll(page, name);
    });
  }
}

/** Resolves once every CSS transition running in the page (a colour fading into the new theme) has ended. */
async function transitionsEnded(page: Page) {
  await page.evaluate(async () => {
    await new Promise(requestAnimationFrame);
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    );
  });
}

/** A user with a company, a project whose board has tags and a done record, a webhook with deliveries, a token. */
async function seed(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, receiverUrl: string) {
  const suffix = randomUUID().slice(0, 6);
  const owner = await apiUser(playwright, baseURL, "a11y");
  const names = { company: `A11y Company ${suffix}`, project: `A11y Project ${suffix}` };
  const { companyId, projectId, listId } = await apiWorkspace(owner.api, names);
  const webhookName = `A11y hook ${suffix}`;
  const webhook = await created(
    owner.api.post("/api/v1/webhooks", {
      data: { name: webhookName, url: `${receiverUrl}/a11y`, events: ["TODO_CREATED"], projectIds: [projectId] },
    }),
  );
  const tagIds: string[] = [];
  // Tag colours are the users' own: a dark, a middle and a pale one, each needs readable text.
  for (const [title, color] of [
    ["Urgent", "#e5484d"],
    ["Ops", "#0090ff"],
    ["Pale", "#ffe066"],
  ]) {
    tagIds.push((await created(owner.api.post(`/api/v1/projects/${projectId}/tags`, { data: { title, color } }))).id);
  }
  const recordId = await apiRecord(owner.api, projectId, listId, `Tagged record ${suffix}`);
  const tagged = await owner.api.patch(`/api/v1/todos/${recordId}`, { data: { tagIds, done: true } });
  expect(tagged.status(), await tagged.text()).toBe(200);
  await apiRecord(owner.api, projectId, listId, `Open record ${suffix}`);
  await owner.api.post("/api/v1/api-tokens", { data: { name: `A11y token ${suffix}` } });
  const invitation = await expectData<{ url: string }>(
    owner.api.post(`/api/v1/companies/${companyId}/invitations`, {
      data: { email: `invitee-${suffix}@example.test`, role: "MEMBER", projects: [{ projectId, role: "MEMBER" }] },
    }),
    201,
  );
  return { owner, suffix, companyId, projectId, webhookId: webhook.id, webhookName, invitation, names };
}

type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

const PHONE = { width: 390, height: 844 };

async function signedInPage(
  browser: Browser,
  baseURL: string,
  scheme: Scheme,
  storageState: StorageState,
  viewport?: typeof PHONE,
) {
  const context = await browser.newContext({ baseURL, colorScheme: scheme, storageState, viewport });
  return { context, page: await context.newPage() };
}

test("axe finds no violation on any page, in the light and the dark theme", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const schemes: Scheme[] = ["light", "dark"];
  const receiver = await startReceiver({ status: 200, body: "ok" });
  try {
    const data = await seed(playwright, baseURL!, receiver.url);
    const { context, page } = await signedInPage(browser, baseURL!, "light", await data.owner.api.storageState());
    try {
      await checkPages(
        page,
        [
          {
            name: "projects",
            path: "/projects",
            ready: (p) => p.getByRole("link", { name: new RegExp(data.names.project) }),
          },
          { name: "start", path: "/start", ready: (p) => p.getByRole("heading", { name: "Get started" }) },
          {
            name: "board",
            path: `/projects/${data.projectId}`,
            ready: (p) => p.getByText("Pale", { exact: true }).first(),
          },
          {
            name: "record panel",
            path: `/projects/${data.projectId}`,
            ready: (p) => p.getByText("Pale", { exact: true }).first(),
            open: async (p) => {
              await p.getByRole("button", { name: `Open Tagged record ${data.suffix}` }).click();
              return p.getByRole("dialog");
            },
          },
          {
            name: "companies",
            path: "/companies",
            ready: (p) => p.getByRole("link", { name: new RegExp(data.names.company) }),
          },
          {
            name: "company detail",
            path: `/companies/${data.companyId}`,
            ready: (p) => p.getByRole("heading", { name: "Invitations" }),
          },
          {
            name: "webhooks list",
            path: "/settings/webhooks",
            ready: (p) => p.getByRole("link", { name: data.webhookName, exact: true }),
          },
          {
            name: "delete confirmation",
            path: "/settings/webhooks",
            ready: (p) => p.getByRole("link", { name: data.webhookName, exact: true }),
            open: async (p) => {
              await p.getByRole("button", { name: `Delete ${data.webhookName}` }).click();
              return p.getByRole("dialog", { name: "Delete this webhook?" });
            },
          },
          {
            name: "secret dialog after a rotation",
            path: "/settings/webhooks",
            ready: (p) => p.getByRole("link", { name: data.webhookName, exact: true }),
            open: async (p) => {
              await p.getByRole("button", { name: `Rotate secret ${data.webhookName}` }).click();
              await p
                .getByRole("dialog", { name: "Create a new signing secret?" })
                .getByRole("button", { name: "Rotate secret" })
                .click();
              return p.getByRole("dialog", { name: "Your signing secret" });
            },
          },
          {
            name: "new webhook",
            path: "/settings/webhooks/new",
            ready: (p) => p.getByRole("heading", { name: "New webhook" }),
          },
          {
            name: "new webhook, pickers open",
            path: "/settings/webhooks/new",
            ready: (p) => p.getByRole("heading", { name: "New webhook" }),
            open: async (p) => {
              // The form arrives rendered by the server: a click before React has hydrated it is
              // undone by hydration, so choose again (as a person would) until the pickers open.
              const project = p.getByRole("checkbox", { name: new RegExp(data.names.project) });
              await expect(async () => {
                for (const choose of await p.getByRole("radio", { name: "Let me choose" }).all()) await choose.check();
                await expect(project).toBeVisible({ timeout: 1_000 });
              }).toPass({ timeout: 15_000 });
              return project;
            },
          },
          {
            name: "webhook detail and delivery log",
            path: `/settings/webhooks/${data.webhookId}`,
            ready: (p) => p.getByTestId("delivery-row").first(),
          },
          {
            name: "attempt dialog",
            path: `/settings/webhooks/${data.webhookId}`,
            ready: (p) => p.getByTestId("delivery-row").first(),
            open: async (p) => {
              await p.getByTestId("delivery-row").first().getByRole("button").first().click();
              return p.getByRole("dialog").getByTestId("attempt").first();
            },
          },
          {
            name: "edit webhook",
            path: `/settings/webhooks/${data.webhookId}/edit`,
            ready: (p) => p.getByLabel("Name", { exact: true }),
          },
          { name: "event types", path: "/event-types", ready: (p) => p.getByText("Record created").first() },
          { name: "API tokens", path: "/settings/api-tokens", ready: (p) => p.getByText(`A11y token ${data.suffix}`) },
          { name: "security", path: "/settings/security", ready: (p) => p.getByText("This device") },
          { name: "notices", path: "/notices", ready: (p) => p.getByRole("heading", { name: "Notices" }) },
          { name: "API docs", path: "/docs/api", ready: (p) => p.getByRole("heading", { name: "REST API" }) },
          {
            name: "invitation (signed in)",
            path: new URL(data.invitation.url).pathname,
            ready: (p) => p.getByRole("heading", { name: "Invitation" }),
          },
        ],
        { schemes },
      );
    } finally {
      await context.close();
    }

    const visitor = await browser.newContext({ baseURL });
    try {
      await checkPages(
        await visitor.newPage(),
        [
          { name: "sign in", path: "/sign-in", ready: (p) => p.getByRole("heading", { name: "Sign in" }) },
          { name: "sign up", path: "/sign-up", ready: (p) => p.getByRole("heading", { name: "Create your account" }) },
          {
            name: "invitation (signed out)",
            path: new URL(data.invitation.url).pathname,
            ready: (p) => p.getByRole("heading", { name: "Invitation" }),
          },
          {
            name: "API docs (signed out)",
            path: "/docs/api",
            ready: (p) => p.getByRole("heading", { name: "REST API" }),
          },
        ],
        { schemes },
      );
    } finally {
      await visitor.close();
    }
    await data.owner.api.dispose();
  } finally {
    await receiver.close();
  }
});

// The main pages on a phone, in the light theme. The webhook list, form, page and attempt dialog,
// the record panel and the notices are checked on a phone at every step of the core journey
// (core-journey.spec.ts), in two languages; here are the others, and the header's open menu.
test("axe finds no violation on the main pages on a phone, and none is wider than the screen", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver({ status: 200, body: "ok" });
  try {
    const data = await seed(playwright, baseURL!, receiver.url);
    const storageState = await data.owner.api.storageState();
    const { context, page } = await signedInPage(browser, baseURL!, "light", storageState, PHONE);
    try {
      await checkPages(
        page,
        [
          {
            name: "projects (phone)",
            path: "/projects",
            ready: (p) => p.getByRole("link", { name: new RegExp(data.names.project) }),
          },
          {
            name: "header menu open (phone)",
            path: "/projects",
            ready: (p) => p.getByRole("button", { name: "Menu" }),
            open: async (p) => {
              await p.getByRole("button", { name: "Menu" }).click();
              return p.getByRole("navigation", { name: "Main navigation" });
            },
          },
          { name: "start (phone)", path: "/start", ready: (p) => p.getByRole("heading", { name: "Get started" }) },
          {
            name: "board (phone)",
            path: `/projects/${data.projectId}`,
            ready: (p) => p.getByText("Pale", { exact: true }).first(),
          },
          {
            name: "companies (phone)",
            path: "/companies",
            ready: (p) => p.getByRole("link", { name: new RegExp(data.names.company) }),
          },
          {
            name: "company detail (phone)",
            path: `/companies/${data.companyId}`,
            ready: (p) => p.getByRole("heading", { name: "Invitations" }),
          },
          { name: "event types (phone)", path: "/event-types", ready: (p) => p.getByText("Record created").first() },
          {
            name: "API tokens (phone)",
            path: "/settings/api-tokens",
            ready: (p) => p.getByText(`A11y token ${data.suffix}`),
          },
          { name: "security (phone)", path: "/settings/security", ready: (p) => p.getByText("This device") },
          { name: "API docs (phone)", path: "/docs/api", ready: (p) => p.getByRole("heading", { name: "REST API" }) },
        ],
        { phone: true },
      );
    } finally {
      await context.close();
    }
    const visitor = await browser.newContext({ baseURL, viewport: PHONE });
    try {
      await checkPages(
        await visitor.newPage(),
        [
          { name: "sign in (phone)", path: "/sign-in", ready: (p) => p.getByRole("heading", { name: "Sign in" }) },
          {
            name: "sign up (phone)",
            path: "/sign-up",
            ready: (p) => p.getByRole("heading", { name: "Create your account" }),
          },
        ],
        { phone: true },
      );
    } finally {
      await visitor.close();
    }
    await data.owner.api.dispose();
  } finally {
    await receiver.close();
  }
});

test("the theme follows the device until chosen, is remembered, and is rendered by the server (no flash)", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const { api } = await apiUser(playwright, baseURL!, "theme");
  const context = await browser.newContext({ baseURL, colorScheme: "dark", storageState: await api.storageState() });
  try {
    const page = await context.newPage();
    const pageBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto("/projects");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
    const systemDark = await pageBackground();

    // The header's button moves through the themes: like the device → light → dark.
    const theme = page.getByRole("button", { name: /^Theme: / });
    await expect(theme).toHaveAccessibleName("Theme: Like my device. Switch to Light");
    await theme.click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    const light = await pageBackground();
    expect(light).not.toBe(systemDark);

    await theme.click();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("button", { name: /^Theme: / })).toHaveAccessibleName(
      "Theme: Dark. Switch to Like my device",
    );
    expect(await pageBackground()).toBe(systemDark);
    // The server writes the theme into the page it sends, so the first paint is already dark.
    const html = await (await page.request.get("/projects")).text();
    expect(html).toContain('data-theme="dark"');
  } finally {
    await context.close();
    await api.dispose();
  }
});

test("a skip link leads past the header, the menu marks the current page, and API docs keep the app's header", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const { api } = await apiUser(playwright, baseURL!, "skip");
  const context = await browser.newContext({ baseURL, storageState: await api.storageState() });
  try {
    const page = await context.newPage();
    await page.goto("/settings/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();

    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Webhooks" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Projects" })).not.toHaveAttribute("aria-current", "page");

    await nav.getByRole("link", { name: "API docs" }).click();
    await expect(page.getByRole("heading", { name: "REST API" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "API docs" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Projects" }).click();
    await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  } finally {
    await context.close();
    await api.dispose();
  }
});

test("the activity chart says when there were no deliveries, and has a time axis when there were; replay says why it is unavailable on a webhook that is off", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const receiver = await startReceiver({ status: 200, body: "ok" });
  const { api } = await apiUser(playwright, baseURL!, "chart");
  const context = await browser.newContext({ baseURL, storageState: await api.storageState() });
  try {
    const suffix = randomUUID().slice(0, 6);
    const { projectId, listId } = await apiWorkspace(api, {
      company: `Chart Co ${suffix}`,
      project: `Chart ${suffix}`,
    });
    const webhook = await created(
      api.post("/api/v1/webhooks", {
        data: {
          name: `Chart ${suffix}`,
          url: `${receiver.url}/chart`,
          events: ["TODO_CREATED"],
          projectIds: [projectId],
        },
      }),
    );
    const page = await context.newPage();
    await page.goto(`/settings/webhooks/${webhook.id}`);
    await expect(page.getByTestId("activity-empty")).toHaveText("No deliveries in the last 24 hours");
    await page.getByRole("button", { name: "7d" }).click();
    await expect(page.getByTestId("activity-empty")).toHaveText("No deliveries in the last 7 days");

    await apiRecord(api, projectId, listId, `Charted ${suffix}`);
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole("button", { name: "24h" }).click();
    const axis = page.getByRole("list", { name: "Time" });
    await expect(axis.getByRole("listitem")).toHaveCount(4, { timeout: 20_000 });
    await expect(page.getByTestId("activity-empty")).toHaveCount(0);

    // The replay range has a visible label; on a webhook that is off, Replay says why it cannot run.
    await expect(page.getByLabel("Replay deliveries from")).toBeVisible();
    const replay = page.getByRole("button", { name: "Replay skipped and failed deliveries" });
    await expect(replay).toBeEnabled();
    await page.getByRole("switch").first().uncheck();
    await expect(replay).toBeDisabled();
    await expect(replay).toHaveAccessibleDescription(/Replay works only while the webhook is on/);
  } finally {
    await context.close();
    await api.dispose();
    await receiver.close();
  }
});
