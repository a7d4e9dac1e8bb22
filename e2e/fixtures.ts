// What the e2e tests share. Each test owns its data: the `account` fixture signs up a new person
// through the API (the same route the sign-up form calls) in the test's browser context, so the
// page is signed in as them; `workspace` and `twoCompanies` give that person companies and
// projects of their own; `receiver` is a real HTTP receiver on 127.0.0.1. Nothing depends on the
// demo user's state, which other tests would otherwise change.
import { randomUUID } from "node:crypto";
import {
  type APIRequestContext,
  type APIResponse,
  test as base,
  expect,
  type Page,
  type PlaywrightWorkerArgs,
} from "@playwright/test";
import { startReceiver } from "../tests/helpers/receiver";

export { expect };

/** The seeded demo user: only for tests of the demo data itself. */
export const DEMO = { email: "demo@example.com", password: "demo-password" };

export function newAccount(label = "e2e") {
  return {
    name: `E2E ${label}`,
    email: `${label}-${randomUUID().slice(0, 8)}@example.test`,
    password: "e2e-password-123",
  };
}

type Account = ReturnType<typeof newAccount>;

/** Signs in through the sign-in form (for tests of the form itself; others use the `account` fixture). */
export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

/** A new account signed up through the API, with a request context that carries its session. */
export async function apiUser(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, label: string) {
  const account: Account = newAccount(label);
  const api = await playwright.request.newContext({ baseURL });
  await expectData(await api.post("/api/v1/auth/sign-up", { data: account }), 201);
  return { account, api };
}

/** The `data` of an API answer, after checking its status (the body is in the failure message). */
export async function expectData<T = { id: string }>(
  res: APIResponse | Promise<APIResponse>,
  status = 200,
): Promise<T> {
  const answer = await res;
  const text = await answer.text();
  expect(answer.status(), text).toBe(status);
  return (JSON.parse(text) as { data: T }).data;
}

/** The resource a create call answered with, after checking its status is 201. */
export async function expectCreated<T = { id: string }>(res: APIResponse | Promise<APIResponse>): Promise<T> {
  const answer = await res;
  const text = await answer.text();
  expect(answer.status(), text).toBe(201);
  return JSON.parse(text) as T;
}

export type Workspace = { companyId: string; projectId: string; listId: string };

/** A company with one project that has a "To do" list, made through the API by `api`'s user. */
export async function apiWorkspace(
  api: APIRequestContext,
  names: { company: string; project: string },
): Promise<Workspace> {
  const company = await expectData(await api.post("/api/v1/companies", { data: { name: names.company } }), 201);
  const project = await apiProject(api, company.id, names.project);
  return { companyId: company.id, ...project };
}

/** A project of a company, with a "To do" list. */
async function apiProject(api: APIRequestContext, companyId: string, name: string) {
  const project = await expectData(await api.post(`/api/v1/companies/${companyId}/projects`, { data: { name } }), 201);
  const list = await expectCreated(api.post(`/api/v1/projects/${project.id}/lists`, { data: { title: "To do" } }));
  return { projectId: project.id, listId: list.id };
}

/** A record created through the API; returns its id. */
export async function apiRecord(api: APIRequestContext, projectId: string, todoListId: string, title: string) {
  return (await expectCreated(api.post(`/api/v1/projects/${projectId}/todos`, { data: { todoListId, title } }))).id;
}

/**
 * Two companies with two projects each, named like the demo user's (names are only seen by their
 * members, so every test can use the same ones): Acme Corp with Website Relaunch and Mobile App,
 * Globex Logistics with Fleet Tracking and Partner Portal. Each project has a "To do" list.
 */
export const TWO_COMPANIES = {
  "Acme Corp": ["Website Relaunch", "Mobile App"],
  "Globex Logistics": ["Fleet Tracking", "Partner Portal"],
} as const;

type CompanyName = keyof typeof TWO_COMPANIES;
type ProjectName = (typeof TWO_COMPANIES)[CompanyName][number];

export type SignedInAccount = Account & { id: string; api: APIRequestContext };

type Fixtures = {
  /** This test's own account, signed up through the API in the page's context: the page is signed in as it. */
  account: SignedInAccount;
  /** A company with one project and a "To do" list, of `account`. */
  workspace: Workspace & { company: string; project: string };
  /** `TWO_COMPANIES`, of `account`: each project's ids by its name. */
  twoCompanies: Record<ProjectName, Workspace>;
  /** A real HTTP receiver on 127.0.0.1 that answers 200 until told otherwise; closed after the test. */
  receiver: Awaited<ReturnType<typeof startReceiver>>;
};

export const test = base.extend<Fixtures>({
  account: async ({ context }, use, testInfo) => {
    const label =
      testInfo.titlePath
        .at(-1)
        ?.replace(/[^a-z]+/gi, "-")
        .slice(0, 20) || "e2e";
    const account = newAccount(label.toLowerCase());
    // The context's request shares the browser's cookies: the session cookie the sign-up sets is the page's.
    const user = await expectCreated(context.request.post("/api/v1/auth/sign-up", { data: account }));
    await use({ ...account, id: user.id, api: context.request });
  },
  workspace: async ({ account }, use) => {
    const suffix = randomUUID().slice(0, 6);
    const names = { company: `Company ${suffix}`, project: `Project ${suffix}` };
    await use({ ...names, ...(await apiWorkspace(account.api, names)) });
  },
  twoCompanies: async ({ account }, use) => {
    const projects = {} as Record<ProjectName, Workspace>;
    for (const [company, names] of Object.entries(TWO_COMPANIES) as [CompanyName, readonly ProjectName[]][]) {
      const { id: companyId } = await expectData(
        account.api.post("/api/v1/companies", { data: { name: company } }),
        201,
      );
      for (const name of names) projects[name] = { companyId, ...(await apiProject(account.api, companyId, name)) };
    }
    await use(projects);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none
  receiver: async ({}, use) => {
    const receiver = await startReceiver({ status: 200, body: "ok" });
    try {
      await use(receiver);
    } finally {
      await receiver.close();
    }
  },
});
