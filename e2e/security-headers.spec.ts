// Browser protections on the production build: every page carries a nonce'd Content-Security-
// Policy it actually works under (no violation reported, no console error), pages cannot be
// framed, API responses allow nothing, and a path Next.js cannot route is a 400, not a 500.
import http from "node:http";
import type { BrowserContext, Page } from "@playwright/test";
import { apiUser, DEMO, expect, newAccount, signIn, test } from "./fixtures";

type Problem = { kind: string; text: string; url?: string };

/** Every CSP violation and console error in the context's pages, from the first byte of each. */
async function watchForProblems(context: BrowserContext, page: Page): Promise<Problem[]> {
  const problems: Problem[] = [];
  await context.exposeBinding("__reportCspViolation", (_source, text: string) => {
    problems.push({ kind: "securitypolicyviolation", text });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push({ kind: "console error", text: message.text(), url: message.location().url });
    }
  });
  page.on("pageerror", (error) => problems.push({ kind: "page error", text: error.message }));
  return problems;
}

/** Visit `path`, wait for what shows it rendered and hydrated, and check nothing was refused. */
async function expectCleanPage(
  page: Page,
  problems: Problem[],
  path: string,
  shown: () => Promise<void>,
  status = 200,
) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  await shown();
  // The browser logs a document's own 404 as a failed load: that one is the expected answer.
  const unexpected = problems.filter((p) => !(status === 404 && p.url === response?.url() && /404/.test(p.text)));
  expect(unexpected, `problems on ${path}`).toEqual([]);
  problems.length = 0;
}

test.describe("Content-Security-Policy", () => {
  test("the sign-in and sign-up pages work under it: a real sign-in, no violation", async ({
    page,
    context,
    playwright,
    baseURL,
  }) => {
    const { account, api } = await apiUser(playwright, baseURL!, "csp-sign-in");
    await api.dispose();
    const problems = await watchForProblems(context, page);
    await expectCleanPage(page, problems, "/sign-up", () =>
      expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible(),
    );
    await expectCleanPage(page, problems, "/sign-in", () =>
      expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible(),
    );
    // The form submits through React: it only works if the nonce'd scripts ran.
    await signIn(page, account);
    expect(problems).toEqual([]);
  });

  // Still on the demo user, whose record has no history: with a record of the test's own (created
  // through the API, so with events), the record panel's history logs next-intl's
  // ENVIRONMENT_FALLBACK console error (`relativeTime` without `now`), which this test counts.
  test("the projects page and a board, with coloured tags, show no violation", async ({ page, context }) => {
    const problems = await watchForProblems(context, page);
    await signIn(page, DEMO);
    await expectCleanPage(page, problems, "/projects", () =>
      expect(page.getByRole("link", { name: /Website Relaunch/ })).toBeVisible(),
    );
    await page.getByRole("link", { name: /Website Relaunch/ }).click();
    const record = page.getByRole("button", { name: "Open Write the pricing page copy" });
    await expect(record).toBeVisible();
    expect(problems).toEqual([]);

    // Tag colours come from React's style prop, set through the CSSOM, which the policy allows.
    await record.click();
    const panel = page.getByRole("dialog", { name: "Write the pricing page copy" });
    await expect(panel.getByText("Urgent", { exact: true })).toHaveCSS("background-color", "rgb(229, 72, 77)");
    await panel.getByRole("button", { name: "Close" }).click();

    await page.reload();
    await expect(page.getByRole("button", { name: "Open Write the pricing page copy" })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("the webhook pages, event catalog, API tokens and API docs show no violation", async ({
    page,
    context,
    baseURL,
  }) => {
    const problems = await watchForProblems(context, page);
    const account = newAccount("csp");
    const signedUp = await page.request.post("/api/v1/auth/sign-up", {
      data: account,
      headers: { origin: baseURL! },
    });
    expect(signedUp.status()).toBe(201);
    const name = `CSP check ${Date.now()}`;
    const created = await page.request.post("/api/v1/webhooks", {
      data: { name, url: "http://127.0.0.1:9/hooks/csp", allEvents: true, allProjects: true },
      headers: { origin: baseURL! },
    });
    expect(created.status(), await created.text()).toBe(201);
    const webhook = (await created.json()) as { id: string };

    await expectCleanPage(page, problems, "/settings/webhooks", () =>
      expect(page.getByRole("row").filter({ hasText: name })).toBeVisible(),
    );
    await expectCleanPage(page, problems, "/settings/webhooks/new", () =>
      expect(page.getByRole("button", { name: "Create webhook" })).toBeVisible(),
    );
    await expectCleanPage(page, problems, `/settings/webhooks/${webhook.id}`, async () => {
      await expect(page.getByRole("heading", { name })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
    });
    await expectCleanPage(page, problems, "/event-types", () =>
      expect(page.getByRole("heading", { name: "Event catalog" })).toBeVisible(),
    );
    await expectCleanPage(page, problems, "/settings/api-tokens", () =>
      expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible(),
    );
    await expectCleanPage(page, problems, "/docs/api", () =>
      expect(page.getByRole("heading", { name: "REST API" })).toBeVisible(),
    );
  });

  test("the not-found page shows no violation", async ({ page, context, account: _ }) => {
    const problems = await watchForProblems(context, page);
    for (const path of ["/no-such-page", "/settings/webhooks/not-a-webhook-of-yours/edit"]) {
      await expectCleanPage(
        page,
        problems,
        path,
        () => expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible(),
        404,
      );
    }
  });

  test("script injected into the page's HTML is refused and reported", async ({ page, context }) => {
    const problems = await watchForProblems(context, page);
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    // What an HTML injection could add: an inline event handler, which carries no nonce.
    await page.evaluate(() => {
      const holder = document.createElement("div");
      holder.innerHTML = `<button id="injected" onclick="document.title = 'injected'">x</button>`;
      document.body.append(holder);
      document.getElementById("injected")?.click();
    });
    await expect
      .poll(() => problems.filter((p) => p.kind === "securitypolicyviolation").map((p) => p.text))
      .toEqual([expect.stringMatching(/^script-src(-attr)? blocked inline/)]);
    expect(await page.title()).not.toBe("injected");
  });
});

test.describe("security headers", () => {
  test("every page gets its own nonce and cannot be framed", async ({ request }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
    const policy = first.headers()["content-security-policy"];
    expect(nonceOf(policy)).toBeTruthy();
    expect(nonceOf(policy)).not.toBe(nonceOf(second.headers()["content-security-policy"]));
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe");
    expect(await first.text()).toContain(`nonce="${nonceOf(policy)}"`);
  });

  for (const [what, path] of [
    ["a page", "/sign-in"],
    ["a settings page", "/settings/webhooks"],
    ["an API response", "/api/health"],
    ["an API error", "/api/v1/projects"],
  ]) {
    test(`${what} sends nosniff, no framing, a referrer and a permissions policy`, async ({ request }) => {
      const headers = (await request.get(path, { maxRedirects: 0 })).headers();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("same-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    });
  }

  test("API responses allow nothing to load or run", async ({ request }) => {
    const res = await request.get("/api/v1/projects");
    expect(res.status()).toBe(401);
    expect(res.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  test("an idle connection is kept open 65 s, longer than a load balancer's 60 s", async ({ request }) => {
    // Node's default is 5 s: a client that reused a connection just as the server closed it got
    // "socket hang up" on a request the server never saw (an API context here, after 5 s in the page).
    const headers = (await request.get("/api/health")).headers();
    expect(headers.connection).toBe("keep-alive");
    expect(headers["keep-alive"]).toBe("timeout=65");
  });

  test("the settings pages cannot be framed, not even by a page on the same site", async ({
    page,
    baseURL,
    account: _,
  }) => {
    // Another port on the same host: same site, so the session cookie (SameSite=Lax) goes along.
    const framer = http.createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<iframe id="victim" src="${baseURL}/settings/webhooks"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
    const { port } = framer.address() as { port: number };
    const messages: string[] = [];
    page.on("console", (m) => messages.push(m.text()));
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await expect
        .poll(() => messages.find((m) => m.includes("frame-ancestors 'none'")))
        .toMatch(new RegExp(`'${baseURL}/'.*frame-ancestors 'none'`));
      await expect(page.frameLocator("#victim").getByRole("heading", { name: "Webhooks" })).toHaveCount(0);
    } finally {
      await new Promise((resolve) => framer.close(resolve));
    }
  });
});

test.describe("malformed paths", () => {
  // Raw requests: a browser or fetch() would normalise or refuse these paths before sending.
  function rawGet(baseURL: string, path: string): Promise<{ status: number; type: string; body: string }> {
    const { hostname, port } = new URL(baseURL);
    return new Promise((resolve, reject) => {
      http
        .get({ hostname, port, path, headers: { accept: "*/*" } }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => {
            body += chunk;
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
          );
        })
        .on("error", reject);
    });
  }

  for (const path of [
    "/api/v1/lists/%00",
    "/api/v1/lists/%zz",
    "/api/v1/lists/%",
    "/api/v1/lists/%ff%fe",
    "/api/v1/lists/%c0%ae",
    "/api/v1/webhooks/%zz/deliveries",
  ]) {
    test(`GET ${path} is a 400 JSON error`, async ({ baseURL }) => {
      const res = await rawGet(baseURL!, path);
      expect(res.status).toBe(400);
      expect(res.type).toContain("application/json");
      expect(JSON.parse(res.body)).toEqual({
        error: { code: "bad_request", message: expect.stringMatching(/^The request path is not valid: /) },
      });
    });
  }

  for (const path of ["/lists/%zz", "/settings/webhooks/%00", "/settings/webhooks/%zz", "/%", "/projects/%ff%fe"]) {
    test(`GET ${path} is a plain 400 page`, async ({ baseURL }) => {
      const res = await rawGet(baseURL!, path);
      expect(res.status).toBe(400);
      expect(res.type).toContain("text/plain");
      expect(res.body).toContain("400 Bad Request");
    });
  }

  test("a well-encoded path still reaches its route", async ({ baseURL }) => {
    const res = await rawGet(baseURL!, "/api/v1/event-types/TODO%5FCREATED");
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe("unauthorized");
  });
});
