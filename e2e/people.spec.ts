// Issue 14's "done when": a new user starts from nothing, invites someone, and a webhook across two
// companies follows its creator's membership of a project (paused while removed, resumed when added back).
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { startReceiver } from "../tests/helpers/receiver";
import { apiRecord, apiUser, apiWorkspace, expectData, newAccount, signIn } from "./fixtures";

const suffix = () => randomUUID().slice(0, 6);

test("a new user is led from sign-up to a company, a project and an invitation; the invitee signs up through the link and sees the project", async ({
  page,
  browser,
  baseURL,
}) => {
  const first = newAccount("first");
  const second = newAccount("second");
  const companyName = `Northwind ${suffix()}`;
  const projectName = `Launch ${suffix()}`;

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(first.name);
  await page.getByLabel("E-mail").fill(first.email);
  await page.getByLabel("Password").fill(first.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await expect(page.getByText("Create a project first.")).toBeVisible();
  await page.getByLabel("Company name").fill(companyName);
  await page.getByRole("button", { name: "Create company" }).click();
  await expect(page.getByText(`Your company: ${companyName}`)).toBeVisible();
  await page.getByLabel("Project name").fill(projectName);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("You are in 1 project.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Create your first webhook" })).toHaveAttribute(
    "href",
    "/settings/webhooks/new",
  );

  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Companies" }).click();
  await page.getByRole("link", { name: new RegExp(companyName) }).click();
  await expect(page.getByRole("heading", { name: companyName })).toBeVisible();
  await page.getByLabel("E-mail to invite").fill(second.email);
  await page.getByRole("checkbox", { name: projectName }).check();
  await page.getByLabel(`Role in ${projectName}`).selectOption("MEMBER");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const invitation = page.getByRole("listitem", { name: `Invitation for ${second.email}` });
  await expect(invitation).toContainText("Pending");
  const link = await invitation.getByLabel(`Invitation link for ${second.email}`).inputValue();

  const invitee = await browser.newContext({ baseURL });
  try {
    const page2 = await invitee.newPage();
    await page2.goto(new URL(link).pathname);
    await expect(page2.getByText(`${first.name} invited you to ${companyName}.`)).toBeVisible();
    await expect(page2.getByText(projectName)).toBeVisible();
    await page2.getByRole("link", { name: "Create account" }).click();
    await expect(page2.getByLabel("E-mail")).toHaveValue(second.email);
    await page2.getByLabel("Name").fill(second.name);
    await page2.getByLabel("Password").fill(second.password);
    await page2.getByRole("button", { name: "Create account" }).click();
    await page2.getByRole("button", { name: "Accept" }).click();
    await expect(page2.getByRole("heading", { name: "Projects" })).toBeVisible();
    await expect(page2.getByRole("link", { name: new RegExp(projectName) })).toBeVisible();
  } finally {
    await invitee.close();
  }

  await page.reload();
  await expect(invitation).toContainText("Accepted");
  await expect(page.getByRole("listitem", { name: second.name })).toContainText(projectName);
});

/** The outcome of an event for one webhook, as its creator's trace tells it (undefined until known). */
async function outcomeFor(creator: APIRequestContext, member: APIRequestContext, recordId: string, webhook: string) {
  const events = await expectData<{ id: string; type: string }[]>(await member.get(`/api/v1/todos/${recordId}/events`));
  const created = events.find((e) => e.type === "TODO_CREATED");
  if (!created) return undefined;
  const trace = await creator.get(`/api/v1/events/${created.id}/trace`);
  if (!trace.ok()) return undefined;
  const body = (await trace.json()) as { webhooks: { name: string; outcome: string }[] };
  return body.webhooks.find((w) => w.name === webhook)?.outcome;
}

test("a webhook over projects in two companies pauses the project its creator was removed from, says why, and resumes when they are added back", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver({ status: 200, body: "ok" });
  const creator = await apiUser(playwright, baseURL!, "creator");
  const owner = await apiUser(playwright, baseURL!, "owner");
  const ownProject = `Own ${suffix()}`;
  const sharedProject = `Shared ${suffix()}`;
  const mine = await apiWorkspace(creator.api, { company: `Creator Co ${suffix()}`, project: ownProject });
  const ownerCompany = `Owner Co ${suffix()}`;
  const theirs = await apiWorkspace(owner.api, { company: ownerCompany, project: sharedProject });
  await expectData(
    owner.api.post(`/api/v1/companies/${theirs.companyId}/invitations`, {
      data: {
        email: creator.account.email,
        role: "MEMBER",
        projects: [{ projectId: theirs.projectId, role: "MEMBER" }],
      },
    }),
    201,
  );

  const webhook = `Two companies ${suffix()}`;
  const ownerContext = await browser.newContext({ baseURL });
  try {
    // An existing user finds the invitation waiting on their Projects page.
    await signIn(page, creator.account);
    const waiting = page.getByRole("region", { name: "Invitations waiting for you" });
    await expect(waiting).toContainText(`${owner.account.name} invited you to ${ownerCompany}`);
    await waiting.getByRole("link", { name: "View invitation" }).click();
    await page.getByRole("button", { name: "Accept" }).click();
    await expect(page.getByRole("link", { name: new RegExp(sharedProject) })).toBeVisible();
    await expect(waiting).toHaveCount(0);

    await page.goto("/settings/webhooks/new");
    await page.getByLabel("Name").fill(webhook);
    await page.getByLabel("URL").fill(`${receiver.url}/blue`);
    await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
    await page.getByRole("checkbox", { name: ownProject }).check();
    await page.getByRole("checkbox", { name: sharedProject }).check();
    await page.getByRole("button", { name: "Create webhook" }).click();
    await page
      .getByRole("dialog", { name: "Your signing secret" })
      .getByRole("button", { name: "I have saved it" })
      .click();

    const delivered = (title: string) =>
      receiver.requests.some(
        (r) => (JSON.parse(r.body) as { currentValue?: { title?: string } }).currentValue?.title === title,
      );
    const before = `Before ${suffix()}`;
    await apiRecord(owner.api, theirs.projectId, theirs.listId, before);
    await expect.poll(() => delivered(before), { timeout: 20_000 }).toBe(true);

    // The owner takes the creator out of the shared project.
    const ownerPage = await ownerContext.newPage();
    await signIn(ownerPage, owner.account);
    await ownerPage.goto(`/companies/${theirs.companyId}`);
    const member = ownerPage.getByRole("listitem", { name: creator.account.name });
    await member.getByRole("button", { name: `Remove ${creator.account.name} from ${sharedProject}` }).click();
    await expect(member).toContainText("In no project of this company.");

    const during = `During ${suffix()}`;
    const duringId = await apiRecord(owner.api, theirs.projectId, theirs.listId, during);
    await expect
      .poll(() => outcomeFor(creator.api, owner.api, duringId, webhook), { timeout: 20_000 })
      .toBe("ACCESS_REVOKED");
    // The webhook still delivers its other project, and the change above never arrived.
    const ownChange = `Own change ${suffix()}`;
    await apiRecord(creator.api, mine.projectId, mine.listId, ownChange);
    await expect.poll(() => delivered(ownChange), { timeout: 20_000 }).toBe(true);
    expect(delivered(during)).toBe(false);

    await page.goto("/settings/webhooks");
    await page.getByRole("link", { name: webhook, exact: true }).click();
    const warning = page.getByRole("alert", { name: "Some projects of this webhook are not delivered" });
    await expect(warning).toContainText(`${sharedProject}: you lost access to this project`);
    await expect(warning).toContainText("paused until your access returns");

    await page.getByRole("link", { name: "Notices, 1 unread" }).click();
    const notice = page.getByRole("listitem", { name: `No more access to “${sharedProject}”` });
    await expect(notice).toContainText("Delivery starts again by itself if you are added back");
    await notice.getByRole("button", { name: "Mark as read" }).click();
    await expect(page.getByRole("link", { name: "Notices", exact: true })).toBeVisible();

    // Added back: delivery resumes with no edit of the webhook.
    await member.getByLabel(`Project to add ${creator.account.name} to`).selectOption({ label: sharedProject });
    await member.getByLabel(`Role for ${creator.account.name}`).selectOption("MEMBER");
    await member.getByRole("button", { name: "Add to project" }).click();
    await expect(member.getByLabel(`Role of ${creator.account.name} in ${sharedProject}`)).toHaveValue("MEMBER");

    const after = `After ${suffix()}`;
    await apiRecord(owner.api, theirs.projectId, theirs.listId, after);
    await expect.poll(() => delivered(after), { timeout: 20_000 }).toBe(true);
    await page.goto("/settings/webhooks");
    await page.getByRole("link", { name: webhook, exact: true }).click();
    await expect(page.getByRole("heading", { name: webhook })).toBeVisible();
    await expect(page.getByRole("alert", { name: "Some projects of this webhook are not delivered" })).toHaveCount(0);
  } finally {
    await ownerContext.close();
    await creator.api.dispose();
    await owner.api.dispose();
    await receiver.close();
  }
});
