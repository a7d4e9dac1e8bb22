// The confirmations around deleting things, and what an invitation link says once it is closed.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { databaseUrl, withDatabase } from "../scripts/db/config";
import { apiRecord, apiUser, apiWorkspace, expectData, signIn } from "./fixtures";

const suffix = () => randomUUID().slice(0, 6);

// The forms with no next step to hand the result to (the first-run page has one for the company):
// each sends its change and shows it.
test("the companies page creates a company; its page renames it, and creates and renames a project", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { account, api } = await apiUser(playwright, baseURL!, "forms");
  await api.dispose();
  const company = `Forms Co ${suffix()}`;
  const renamedCompany = `Renamed Co ${suffix()}`;
  const project = `Form project ${suffix()}`;
  const renamedProject = `Renamed project ${suffix()}`;

  await signIn(page, account);
  await page.goto("/companies");
  await page.getByLabel("Company name").fill(company);
  await page.getByRole("button", { name: "Create company" }).click();
  await expect(page.getByLabel("Company name")).toHaveValue("");
  await page.getByRole("link", { name: new RegExp(company) }).click();
  await expect(page.getByRole("heading", { name: company })).toBeVisible();

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Company name").fill(renamedCompany);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { name: renamedCompany })).toBeVisible();
  await expect(page.getByLabel("Company name")).toHaveCount(0);

  await page.getByLabel("Project name").fill(project);
  await page.getByRole("button", { name: "Create project" }).click();
  const row = page.getByRole("listitem", { name: project });
  await expect(row).toContainText("your role: Owner");
  await expect(page.getByLabel("Project name")).toHaveValue("");
  await row.getByRole("button", { name: "Rename" }).click();
  await row.getByLabel(`New name for ${project}`).fill(renamedProject);
  await row.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("listitem", { name: renamedProject })).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("an owner changes a member's company and project roles; the member leaves the company", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const owner = await apiUser(playwright, baseURL!, "role-owner");
  const member = await apiUser(playwright, baseURL!, "role-member");
  const company = `Roles Co ${suffix()}`;
  const project = `Roles project ${suffix()}`;
  const ws = await apiWorkspace(owner.api, { company, project });
  const invitation = await expectData<{ url: string }>(
    owner.api.post(`/api/v1/companies/${ws.companyId}/invitations`, {
      data: { email: member.account.email, role: "MEMBER", projects: [{ projectId: ws.projectId, role: "MEMBER" }] },
    }),
    201,
  );
  const token = new URL(invitation.url).pathname.split("/").at(-1) ?? "";
  await expectData(member.api.post(`/api/v1/invite-links/${token}/accept`));
  const memberId = ((await (await member.api.get("/api/v1/me")).json()) as { id: string }).id;
  await owner.api.dispose();
  await member.api.dispose();

  await signIn(page, owner.account);
  await page.goto(`/companies/${ws.companyId}`);
  const name = member.account.name;
  const companyRole = page.getByLabel(`Company role of ${name}`);
  const projectRole = page.getByLabel(`Role of ${name} in ${project}`);
  const roleSaved = (path: string) =>
    page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().endsWith(path) && r.ok());
  await Promise.all([
    roleSaved(`/api/v1/companies/${ws.companyId}/members/${memberId}`),
    companyRole.selectOption("ADMIN"),
  ]);
  await expect(page.getByRole("status").filter({ hasText: `Role of ${name} changed` })).toBeVisible();
  await Promise.all([
    roleSaved(`/api/v1/projects/${ws.projectId}/members/${memberId}`),
    projectRole.selectOption("VIEW_ONLY"),
  ]);
  await page.reload();
  await expect(companyRole).toHaveValue("ADMIN");
  await expect(projectRole).toHaveValue("VIEW_ONLY");

  const memberContext = await browser.newContext({ baseURL });
  try {
    const memberPage = await memberContext.newPage();
    await signIn(memberPage, member.account);
    await memberPage.goto(`/companies/${ws.companyId}`);
    await memberPage.getByRole("listitem", { name }).getByRole("button", { name: "Leave company" }).click();
    await memberPage
      .getByRole("dialog", { name: `Leave ${company}?` })
      .getByRole("button", { name: "Leave company" })
      .click();
    await expect(memberPage.getByText("You do not belong to any company yet.")).toBeVisible();
  } finally {
    await memberContext.close();
  }
  await page.reload();
  await expect(page.getByRole("listitem", { name })).toHaveCount(0);
});

test("archiving a project and deleting it or its company ask first, saying what goes with them", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { account, api } = await apiUser(playwright, baseURL!, "archive");
  const company = `Archive Co ${suffix()}`;
  const project = `Old project ${suffix()}`;
  const ws = await apiWorkspace(api, { company, project });
  await apiRecord(api, ws.projectId, ws.listId, "One");
  await apiRecord(api, ws.projectId, ws.listId, "Two");
  await api.dispose();

  await signIn(page, account);
  await page.goto(`/companies/${ws.companyId}`);
  const row = page.getByRole("listitem", { name: project });
  await expect(row).toContainText("2 records");

  await row.getByRole("button", { name: "Archive" }).click();
  await expect(row).toContainText("Archived");
  await row.getByRole("button", { name: "Unarchive" }).click();
  await expect(row.getByRole("button", { name: "Archive" })).toBeVisible();
  await expect(row).not.toContainText("Archived");

  await row.getByRole("button", { name: "Delete" }).click();
  const projectDialog = page.getByRole("dialog", { name: `Delete the project ${project}?` });
  await expect(projectDialog).toContainText("Its 2 records go with it");
  await projectDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(projectDialog).toBeHidden();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Delete" }).click();
  await projectDialog.getByRole("button", { name: "Delete project" }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText("This company has no projects yet.")).toBeVisible();

  await page.getByRole("button", { name: "Delete company" }).click();
  const companyDialog = page.getByRole("dialog", { name: `Delete ${company}?` });
  const confirm = companyDialog.getByRole("button", { name: "Delete company" });
  await expect(confirm).toBeDisabled();
  await companyDialog.getByLabel("Type the company’s name to confirm").fill("not the name");
  await expect(confirm).toBeDisabled();
  await companyDialog.getByLabel("Type the company’s name to confirm").fill(company);
  await confirm.click();
  await expect(page.getByRole("heading", { name: "Companies" })).toBeVisible();
  await expect(page.getByText("You do not belong to any company yet.")).toBeVisible();
});

test("a revoked and an expired invitation say so on their page; the expired one is sent again", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const { account, api } = await apiUser(playwright, baseURL!, "inviter");
  const ws = await apiWorkspace(api, { company: `Invite Co ${suffix()}`, project: `Invite project ${suffix()}` });
  const invite = (email: string) =>
    expectData<{ id: string; url: string }>(
      api.post(`/api/v1/companies/${ws.companyId}/invitations`, { data: { email, role: "MEMBER", projects: [] } }),
      201,
    );
  const revokedEmail = `revoked-${suffix()}@example.test`;
  const revoked = await invite(revokedEmail);
  const expiredEmail = `expired-${suffix()}@example.test`;
  const expired = await invite(expiredEmail);
  await api.dispose();

  await signIn(page, account);
  await page.goto(`/companies/${ws.companyId}`);
  const row = page.getByRole("listitem", { name: `Invitation for ${revokedEmail}` });
  await row.getByRole("button", { name: "Revoke" }).click();
  await page
    .getByRole("dialog", { name: `Revoke the invitation for ${revokedEmail}?` })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

  // Expiry is days away; the test moves it into the past in the database.
  const db = new Client({ connectionString: withDatabase(databaseUrl(), process.env.E2E_DATABASE ?? "blue_e2e") });
  await db.connect();
  try {
    await db.query("UPDATE invitations SET expires_at = now() - interval '1 hour' WHERE id = $1", [expired.id]);
  } finally {
    await db.end();
  }

  const visitor = await browser.newContext({ baseURL });
  try {
    const other = await visitor.newPage();
    await other.goto(new URL(revoked.url).pathname);
    await expect(other.getByText("This invitation was revoked.")).toBeVisible();
    await expect(other.getByRole("link", { name: "Create account" })).toHaveCount(0);
    await other.goto(new URL(expired.url).pathname);
    await expect(other.getByText("This invitation has expired.")).toBeVisible();
    await expect(other.getByRole("link", { name: "Sign in" })).toHaveCount(0);
    await other.goto("/invite/not-a-real-token");
    await expect(other.getByText("This invitation link is not valid.")).toBeVisible();
  } finally {
    await visitor.close();
  }

  // Sent again: a new link with a new expiry, so the invitation is open once more.
  await page.reload();
  const expiredRow = page.getByRole("listitem", { name: `Invitation for ${expiredEmail}` });
  await expect(expiredRow).toContainText("Expired");
  await expiredRow.getByRole("button", { name: "Resend" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent again to ${expiredEmail}` })).toBeVisible();
  await expect(expiredRow).toContainText("Pending");
  await expect(expiredRow.getByLabel(`Invitation link for ${expiredEmail}`)).not.toHaveValue(expired.url);
});
