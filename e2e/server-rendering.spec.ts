import { expect, test } from "@playwright/test";
import { apiUser, apiWorkspace, expectCreated } from "./fixtures";

// The settings pages arrive with their first data: the browser does not have to ask the API for
// it, so a page is filled as soon as it is shown. The webhooks are in the HTML itself; the
// projects and the event catalog (which nothing refetches on a timer) are refused to the browser,
// and the pages still show them.
const NOT_REFETCHED = /\/api\/v1\/(projects|event-types)$/;

test("the webhook list, page and form are filled from the server, without asking the API", async ({
  playwright,
  browser,
  baseURL,
}) => {
  const { api } = await apiUser(playwright, baseURL!, "ssr");
  const { projectId } = await apiWorkspace(api, { company: "Initech", project: "TPS Reports" });
  const created = await api.post("/api/v1/webhooks", {
    data: {
      name: "Ledger sync",
      url: "http://127.0.0.1:9/ssr",
      allEvents: false,
      events: ["TODO_CREATED"],
      projectIds: [projectId],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const webhook = (await created.json()) as { id: string };

  // The HTML itself carries the data.
  for (const path of ["/settings/webhooks", `/settings/webhooks/${webhook.id}`]) {
    const html = await (await api.get(path)).text();
    expect(html).toContain("Ledger sync");
    expect(html).toContain("TPS Reports");
  }

  const context = await browser.newContext({ baseURL, storageState: await api.storageState() });
  const page = await context.newPage();
  const asked: string[] = [];
  await page.route(NOT_REFETCHED, (route) => {
    asked.push(new URL(route.request().url()).pathname);
    return route.abort();
  });

  await page.goto("/settings/webhooks");
  const row = page.getByRole("row", { name: /Ledger sync/ });
  await expect(row).toContainText("TPS Reports");
  await expect(row).toContainText("Record created");

  await page.goto(`/settings/webhooks/${webhook.id}`);
  await expect(page.getByRole("heading", { name: "Ledger sync", level: 1 })).toBeVisible();
  await expect(page.getByTestId("configured-projects")).toHaveText("TPS Reports");
  await expect(page.getByTestId("webhook-skeleton")).toHaveCount(0);
  await expect(page.getByTestId("skeleton")).toHaveCount(0);

  await page.goto("/settings/webhooks/new");
  await page.getByRole("radio", { name: "Let me choose" }).first().check();
  await expect(page.getByRole("checkbox", { name: /^Record created/ })).toBeEnabled();
  await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
  const project = page.getByRole("checkbox", { name: "TPS Reports" });
  await project.check();
  await expect(project).toBeChecked();
  await expect(page.getByText("Nothing matches your search.")).toHaveCount(0);
  await expect(page.getByText("Loading your projects…")).toHaveCount(0);

  expect(asked).toEqual([]);
  await context.close();
});

// The API tokens, the sessions (this one marked by the cookie the page was asked with) and the
// header's unread count come with the page as well; the browser is refused those routes and the
// pages still show them.
const ACCOUNT_ROUTES = /\/api\/v1\/(api-tokens|sessions|notices)$/;

test("the API tokens, the sessions and the header's unread count are filled from the server", async ({
  playwright,
  browser,
  baseURL,
}) => {
  const { api } = await apiUser(playwright, baseURL!, "ssr-account");
  await expectCreated(api.post("/api/v1/api-tokens", { data: { name: "Nightly export" } }));
  // Deleting a project a webhook names leaves its creator a notice: one unread.
  const { projectId } = await apiWorkspace(api, { company: "Initech", project: "Old reports" });
  await expectCreated(
    api.post("/api/v1/webhooks", {
      data: {
        name: "Archive",
        url: "http://127.0.0.1:9/ssr",
        allEvents: false,
        events: ["TODO_CREATED"],
        projectIds: [projectId],
      },
    }),
  );
  expect((await api.delete(`/api/v1/projects/${projectId}`)).status()).toBe(204);

  const tokensHtml = await (await api.get("/settings/api-tokens")).text();
  expect(tokensHtml).toContain("Nightly export");
  expect(tokensHtml).toContain('aria-label="Notices, 1 unread"');
  const securityHtml = await (await api.get("/settings/security")).text();
  expect(securityHtml).toMatch(/aria-label="[^"]*\(This device\)"/);

  const context = await browser.newContext({ baseURL, storageState: await api.storageState() });
  const page = await context.newPage();
  const asked: string[] = [];
  await page.route(ACCOUNT_ROUTES, (route) => {
    asked.push(new URL(route.request().url()).pathname);
    return route.abort();
  });

  await page.goto("/settings/api-tokens");
  await expect(page.getByRole("row", { name: /Nightly export/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Notices, 1 unread" })).toBeVisible();

  await page.goto("/settings/security");
  await expect(page.getByRole("button", { name: /\(This device\)$/ })).toBeVisible();
  await expect(page.getByTestId("skeleton")).toHaveCount(0);

  expect(asked).toEqual([]);
  await context.close();
});
