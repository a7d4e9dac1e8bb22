import { expect, expectData, test } from "./fixtures";

test("create a webhook with chosen events and cross-company projects, see the secret once, edit, disable, delete", async ({
  page,
  twoCompanies: _,
}) => {
  const name = `CRM sync ${Date.now()}`;
  await page.goto("/projects");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Webhooks" }).click();
  await page.getByRole("link", { name: "New webhook" }).click();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("URL").fill("http://127.0.0.1:9/hooks/crm");

  await page.getByRole("radio", { name: "Let me choose" }).first().check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByText("choose at least one event, or all events")).toBeVisible();

  await page.getByRole("checkbox", { name: /^Record created/ }).check();
  await page.getByRole("checkbox", { name: /^Record moved/ }).check();
  await expect(page.getByText("2 selected")).toBeVisible();

  await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
  await page.getByLabel("Search projects").fill("a");
  await page.getByRole("checkbox", { name: "Website Relaunch" }).check();
  await page.getByRole("checkbox", { name: "Fleet Tracking" }).check();
  await expect(page.getByTestId("selected-summary").filter({ hasText: "Website Relaunch" })).toHaveText(
    /^Selected \(2\)Website RelaunchFleet Tracking$/,
  );
  // A search narrows a company's select-all to its matches, and says so.
  await page.getByLabel("Search projects").fill("Fleet");
  await expect(page.getByRole("checkbox", { name: "Select the 1 matching project of Globex Logistics" })).toBeVisible();
  await page.getByLabel("Search projects").fill("");
  // Groups fold away; ticking every project points at "All my projects" for future ones too.
  const acme = page.getByRole("button", { name: "Projects of Acme Corp" });
  await acme.click();
  await expect(acme).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("checkbox", { name: "Website Relaunch" })).toBeHidden();
  await acme.click();
  await expect(page.getByTestId("all-ticked-hint")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Select all projects of Acme Corp" }).check();
  await page.getByRole("checkbox", { name: "Select all projects of Globex Logistics" }).check();
  await expect(page.getByTestId("all-ticked-hint")).toContainText("All my projects (including future ones)");
  await page.getByRole("checkbox", { name: "Mobile App" }).uncheck();
  await page.getByRole("checkbox", { name: "Partner Portal" }).uncheck();
  await expect(page.getByTestId("all-ticked-hint")).toHaveCount(0);
  await page.getByRole("button", { name: "Create webhook" }).click();

  const dialog = page.getByRole("dialog", { name: "Your signing secret" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
  // Escape does not lose the secret: it asks first, and going back keeps the dialog open.
  await page.keyboard.press("Escape");
  await expect(dialog.getByText("Close without copying the secret?")).toBeVisible();
  await dialog.getByRole("button", { name: "Go back and copy it" }).click();
  await expect(dialog.getByText("Close without copying the secret?")).toBeHidden();
  await expect(dialog).toBeVisible();
  // So do ✕ and a click outside the dialog.
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(dialog.getByText("Close without copying the secret?")).toBeVisible();
  await dialog.getByRole("button", { name: "Go back and copy it" }).click();
  await page.mouse.click(4, 4);
  await expect(dialog.getByText("Close without copying the secret?")).toBeVisible();
  await dialog.getByRole("button", { name: "Go back and copy it" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "I have saved it" }).click();

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Record created, Record moved");
  await expect(row).toContainText("Website Relaunch, Fleet Tracking");
  await expect(row.getByTestId("health-badge")).toHaveText("No deliveries yet");
  await expect(page.getByText("whsec_")).toHaveCount(0);

  await row.getByRole("link", { name: `Edit ${name}` }).click();
  await expect(page.getByRole("checkbox", { name: /^Record moved/ })).toBeChecked();
  await page.getByRole("checkbox", { name: /^Record moved/ }).uncheck();
  await page.getByRole("checkbox", { name: /^Comment added/ }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved" })).toBeVisible();
  await expect(row).toContainText("Record created, Comment added");

  await row.getByRole("switch", { name: `Deliveries to ${name}` }).uncheck();
  await expect(row.getByTestId("health-badge")).toHaveText("Disabled");
  await expect(row.getByRole("switch", { name: `Deliveries to ${name}` })).not.toBeChecked();

  // Deleting asks in the app's own dialog, and only goes ahead once the webhook's name is typed.
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  const confirmDelete = page.getByRole("dialog", { name: "Delete this webhook?" });
  await expect(confirmDelete.getByRole("button", { name: "Delete" })).toBeDisabled();
  await confirmDelete.getByLabel(`Type “${name}” to confirm`).fill(name);
  await confirmDelete.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});

test("with many projects, companies start folded and the log's project filter can be searched", async ({
  page,
  account,
}) => {
  const api = account.api;
  const company = await expectData(await api.post("/api/v1/companies", { data: { name: "Many Projects Inc" } }), 201);
  for (let n = 1; n <= 35; n++) {
    const name = `Project ${String(n).padStart(2, "0")}`;
    await expectData(await api.post(`/api/v1/companies/${company.id}/projects`, { data: { name } }), 201);
  }

  await page.goto("/settings/webhooks/new");
  await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
  const group = page.getByRole("button", { name: "Projects of Many Projects Inc" });
  await expect(group).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("checkbox", { name: "Project 07" })).toBeHidden();
  await group.click();
  await expect(page.getByRole("checkbox", { name: "Project 07" })).toBeVisible();

  const created = await api.post("/api/v1/webhooks", {
    data: { name: "Many", url: "http://127.0.0.1:9/hooks/many", events: ["TODO_CREATED"], allProjects: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  const hook = (await created.json()) as { id: string };
  await page.goto(`/settings/webhooks/${hook.id}`);
  const filter = page.getByRole("combobox", { name: "Project" });
  const options = page.getByRole("listbox", { name: "Project" }).getByRole("option");
  await filter.click();
  await expect(options).toHaveCount(36);
  await filter.fill("07");
  await expect(options).toHaveText(["Project 07Many Projects Inc"]);
});
