import { randomUUID } from "node:crypto";
import {
  type APIRequestContext,
  type APIResponse,
  expect,
  type Page,
  type PlaywrightWorkerArgs,
} from "@playwright/test";

export const DEMO = { email: "demo@example.com", password: "demo-password" };

export function newAccount(label = "e2e") {
  return {
    name: `E2E ${label}`,
    email: `${label}-${randomUUID().slice(0, 8)}@example.test`,
    password: "e2e-password-123",
  };
}

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

type Account = ReturnType<typeof newAccount>;

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

/** A company with one project that has a "To do" list, made through the API by `api`'s user. */
export async function apiWorkspace(api: APIRequestContext, names: { company: string; project: string }) {
  const company = await expectData(await api.post("/api/v1/companies", { data: { name: names.company } }), 201);
  const project = await expectData(
    await api.post(`/api/v1/companies/${company.id}/projects`, { data: { name: names.project } }),
    201,
  );
  const list = await api.post(`/api/v1/projects/${project.id}/lists`, { data: { title: "To do" } });
  expect(list.status(), await list.text()).toBe(201);
  const { id: listId } = (await list.json()) as { id: string };
  return { companyId: company.id, projectId: project.id, listId };
}

/** A record created through the API; returns its id. */
export async function apiRecord(api: APIRequestContext, projectId: string, todoListId: string, title: string) {
  const res = await api.post(`/api/v1/projects/${projectId}/todos`, { data: { todoListId, title } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
