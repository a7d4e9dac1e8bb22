// The project picker and the delivery log for someone with 500 projects in 5 companies: folded
// companies, removable chips, "Select all N matching" taking only the matches, the hint towards
// "All my projects", a form that stays short, and a searchable project filter in the log that fits
// a phone.
import { type APIRequestContext, type APIResponse, expect, type Page, test } from "@playwright/test";
import { startReceiver } from "../tests/helpers/receiver";
import { apiUser, expectData } from "./fixtures";
import { axeFindings } from "./page-checks";

const COMPANIES = 5;
const PER_COMPANY = 100;
/** Every 25th project of a company is a harbour: 4 per company, 20 in all, for the searches. */
const projectName = (company: number, n: number) =>
  `Site ${company}-${String(n).padStart(3, "0")}${n % 25 === 0 ? " Harbor" : ""}`;

type Seeded = { api: APIRequestContext; projects: Map<string, string> };

/** A new account with 5 companies of 100 projects each, made through the API. */
async function seedManyProjects(
  playwright: Parameters<typeof apiUser>[0],
  baseURL: string,
  label: string,
): Promise<Seeded> {
  const { api } = await apiUser(playwright, baseURL, label);
  const projects = new Map<string, string>();
  for (let c = 1; c <= COMPANIES; c++) {
    const company = await expectData(
      await api.post("/api/v1/companies", { data: { name: `Scale Company ${c}` } }),
      201,
    );
    // Ten at a time: quick, without flooding the server.
    for (let start = 1; start <= PER_COMPANY; start += 10) {
      const batch = Array.from({ length: 10 }, (_, i) => projectName(c, start + i));
      const made = await Promise.all(
        batch.map(async (name) =>
          expectData(await api.post(`/api/v1/companies/${company.id}/projects`, { data: { name } }), 201),
        ),
      );
      for (const [i, name] of batch.entries()) projects.set(name, made[i].id);
    }
  }
  return { api, projects };
}

/** The body of a 201 answer from a route that returns the created thing itself. */
async function created(res: APIResponse) {
  const text = await res.text();
  expect(res.status(), text).toBe(201);
  return JSON.parse(text) as { id: string };
}

async function signedInPage(page: Page, api: APIRequestContext) {
  await page.context().addCookies((await api.storageState()).cookies);
}

/** The page's height and whether anything makes it wider than the screen. */
async function pageSize(page: Page) {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
}

test.describe("500 projects in 5 companies", () => {
  let seeded: Seeded;
  test.beforeAll(async ({ playwright }, testInfo) => {
    test.setTimeout(180_000);
    seeded = await seedManyProjects(playwright, testInfo.project.use.baseURL!, "scale");
  });
  test.afterAll(async () => {
    await seeded?.api.dispose();
  });

  test("the project picker folds companies, removes chips, selects only the matches and stays short", async ({
    page,
  }) => {
    await signedInPage(page, seeded.api);
    await page.goto("/settings/webhooks/new");
    await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
    const picker = page.getByTestId("project-mode-picker");

    // Companies start folded: five headers, no project boxes.
    const toggles = picker.getByRole("button", { name: /^Projects of Scale Company \d$/ });
    await expect(toggles).toHaveCount(COMPANIES);
    for (const toggle of await toggles.all()) await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(picker.getByRole("checkbox", { name: "Site 1-001" })).toHaveCount(0);
    expect((await picker.boundingBox())!.height).toBeLessThan(700);

    // One company opened: its 100 projects scroll inside the picker instead of stretching the form.
    const second = picker.getByRole("button", { name: "Projects of Scale Company 2" });
    await second.click();
    await expect(second).toHaveAttribute("aria-expanded", "true");
    await expect(picker.getByRole("checkbox", { name: "Site 2-100 Harbor" })).toBeAttached();
    expect((await picker.boundingBox())!.height).toBeLessThan(900);
    await second.click();
    await expect(picker.getByRole("checkbox", { name: "Site 2-001" })).toHaveCount(0);

    // A search narrows each company's select-all to its matches and says so; ticking takes exactly those.
    const search = picker.getByLabel("Search projects");
    await search.fill("harbor");
    const matching = picker.getByRole("checkbox", { name: "Select all 4 matching projects of Scale Company 1" });
    await expect(matching).toBeVisible();
    await expect(picker.getByTestId("matching-note")).toHaveText(Array(COMPANIES).fill("Select all 4 matching"));
    await matching.check();
    await expect(picker.getByText("4 selected")).toBeVisible();
    const chips = picker.getByTestId("selected-summary");
    await expect(chips).toHaveText("Selected (4)Site 1-025 HarborSite 1-050 HarborSite 1-075 HarborSite 1-100 Harbor");
    expect(await axeFindings(page, ['[data-testid="project-mode-picker"]'])).toEqual([]);
    await search.fill("");
    await expect(picker.getByRole("button", { name: "Projects of Scale Company 1" })).toContainText("4/100");
    await expect(picker.getByRole("button", { name: "Projects of Scale Company 2" })).toContainText("0/100");

    // A chip's × removes it, by mouse or keyboard; the focus moves on to the next chip.
    await chips.getByRole("button", { name: "Remove Site 1-025 Harbor" }).click();
    const next = chips.getByRole("button", { name: "Remove Site 1-050 Harbor" });
    await expect(next).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(chips).toHaveText("Selected (2)Site 1-075 HarborSite 1-100 Harbor");
    await expect(chips.getByRole("button", { name: "Remove Site 1-075 Harbor" })).toBeFocused();
    await expect(picker.getByRole("button", { name: "Projects of Scale Company 1" })).toContainText("2/100");

    // Everything ticked: the chips stay a short list, the form stays short, and a hint offers
    // "All my projects", which also covers future projects, in one click.
    await expect(picker.getByTestId("all-ticked-hint")).toHaveCount(0);
    for (let c = 1; c <= COMPANIES; c++) {
      await picker.getByRole("checkbox", { name: `Select all projects of Scale Company ${c}` }).check();
    }
    await expect(picker.getByText("500 selected")).toBeVisible();
    await expect(chips.getByRole("button", { name: /^Remove / })).toHaveCount(12);
    await expect(chips.getByRole("button", { name: "Show all 500" })).toBeVisible();
    const hint = picker.getByTestId("all-ticked-hint");
    await expect(hint).toContainText("All my projects (including future ones)");
    expect((await picker.boundingBox())!.height).toBeLessThan(900);
    await chips.getByRole("button", { name: "Show all 500" }).click();
    await expect(chips.getByRole("button", { name: /^Remove / })).toHaveCount(500);
    expect((await picker.boundingBox())!.height).toBeLessThan(1000);
    expect(await axeFindings(page, ['[data-testid="project-mode-picker"]'])).toEqual([]);
    // Searching for what every project holds opens every company, still inside the bounded area:
    // the picker and the page grow by a few hundred pixels, not by the 500 projects' thousands.
    // The preview below the picker answers for the 500 projects first (its examples are then the
    // last company's newest projects): measured before it settles, the page would "grow" by the
    // preview's examples while the server is busy with the 500 projects' own events.
    const preview = page.getByTestId("conditions-preview");
    await expect(preview.getByTestId("preview-examples")).toContainText("Site 5-");
    await expect(preview.getByText("Updating…")).toHaveCount(0);
    const before = (await pageSize(page)).height;
    await search.fill("site");
    await expect(picker.getByRole("checkbox", { name: "Site 5-100 Harbor" })).toBeAttached();
    expect((await picker.boundingBox())!.height).toBeLessThan(1000);
    expect((await pageSize(page)).height - before).toBeLessThan(600);
    await search.fill("");

    await hint.getByRole("button", { name: "Switch to “All my projects (including future ones)”" }).click();
    await expect(page.getByRole("radio", { name: "All my projects (including future ones)" })).toBeChecked();
    await expect(picker.getByTestId("all-ticked-hint")).toHaveCount(0);
  });

  test("the log's project filter is a search over 500 projects, and the log fits a phone as cards", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const receiver = await startReceiver({ status: 200, body: "ok" });
    try {
      const { api, projects } = seeded;
      const recordProject = projects.get("Site 2-010")!;
      const hook = await created(
        await api.post("/api/v1/webhooks", {
          data: { name: "Scale log", url: `${receiver.url}/scale`, events: ["TODO_CREATED"], allProjects: true },
        }),
      );
      const list = await created(
        await api.post(`/api/v1/projects/${recordProject}/lists`, { data: { title: "To do" } }),
      );
      const title = "A record whose title is long enough to need a second line on a phone screen";
      await created(
        await api.post(`/api/v1/projects/${recordProject}/todos`, { data: { todoListId: list.id, title } }),
      );

      await page.setViewportSize({ width: 390, height: 844 });
      await signedInPage(page, api);
      await page.goto(`/settings/webhooks/${hook.id}`);
      const row = page.getByTestId("delivery-row").filter({ hasText: title });
      // Behind the 500 projects' own events, which the local Inngest server works through first.
      await expect(row).toContainText("Delivered", { timeout: 120_000 });

      // A card: the record's title is whole (no ellipsis), labelled, and inside the screen.
      await expect(row).toContainText("Site 2-010");
      const record = row.getByRole("cell").filter({ hasText: title });
      await expect(record).toHaveAttribute("data-label", "Record");
      expect(await record.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);
      const box = (await record.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      let size = await pageSize(page);
      expect(size.width).toBeLessThanOrEqual(size.screen);

      // The project filter lists a first screenful and says how to find the rest.
      const filter = page.getByRole("combobox", { name: "Project" });
      await expect(filter).toHaveValue("All projects");
      await filter.click();
      const options = page.getByRole("listbox", { name: "Project" }).getByRole("option");
      await expect(options).toHaveCount(51);
      await expect(options.first()).toHaveText("All projects");
      await expect(page.getByText("450 more — type a name to narrow the list")).toBeVisible();
      expect(await axeFindings(page)).toEqual([]);
      size = await pageSize(page);
      expect(size.width).toBeLessThanOrEqual(size.screen);

      // Typing narrows it; the keyboard picks; the log follows, and the address keeps the choice.
      await filter.fill("harbor");
      await expect(options).toHaveCount(20);
      await filter.fill("3-042");
      await expect(options).toHaveText(["Site 3-042Scale Company 3"]);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await expect(filter).toHaveValue("Site 3-042");
      await expect(page).toHaveURL(new RegExp(`projectId=${projects.get("Site 3-042")}`));
      await expect(page.getByTestId("delivery-row")).toHaveCount(0);
      await expect(page.getByText(/^No deliveries yet\. Send a test event/)).toBeVisible();

      await filter.fill("site 2-010");
      await options.filter({ hasText: "Site 2-010" }).click();
      await expect(page).toHaveURL(new RegExp(`projectId=${recordProject}`));
      await expect(row).toBeVisible();
      await expect(page.getByTestId("delivery-row")).toHaveCount(1);

      // Escape leaves the choice as it was.
      await filter.fill("nothing like this");
      await expect(page.getByText("Nothing matches “nothing like this”.")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(filter).toHaveValue("Site 2-010");
      await expect(options).toHaveCount(0);
    } finally {
      await receiver.close();
    }
  });
});
