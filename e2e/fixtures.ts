import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

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
