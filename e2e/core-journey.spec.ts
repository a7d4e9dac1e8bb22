// The core journey of a new user, in English on a desktop and in Spanish (chosen by the browser's
// Accept-Language) on a phone: create a webhook for events in two companies'
// projects, copy the secret, send a test, change a record, read the attempt, break the receiver,
// see the warning, the notice and the disabled banner, fix and re-enable. Every step is checked
// with axe (no violation of any impact) and for horizontal scroll. Deliveries take the app's real
// path (Inngest, the delivery engine) to a real receiver on 127.0.0.1; the e2e server retries
// after 100 ms, so a failing receiver exhausts a delivery within seconds.
import { createHmac, randomUUID } from "node:crypto";
import { translatorFor } from "../i18n/translator";
import { apiRecord, expect, test } from "./fixtures";
import { expectAccessibleAndFitting } from "./page-checks";

const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
const BROWSER_LOCALES = { en: "en-US", es: "es-ES" } as const;

const DIALOG = "dialog[open]";

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Each language on one size: English on a desktop, Spanish (longer words, so the harder fit) on a
// phone. The other two pairs took two more minutes of CI on a 2-core machine; the English pages on
// a phone are checked with axe and for their width by accessibility.spec.ts and phone-layout.spec.ts.
const VARIANTS = [
  ["en", "desktop"],
  ["es", "phone"],
] as const;

for (const [locale, size] of VARIANTS) {
  const viewport = SIZES[size];
  test.describe(`in ${locale} on a ${size}`, () => {
    test.use({ locale: BROWSER_LOCALES[locale], viewport, permissions: ["clipboard-read", "clipboard-write"] });

    test("the core journey: create, copy the secret, test, deliver, break, be warned, fix and re-enable", async ({
      page,
      account,
      twoCompanies,
      receiver,
    }) => {
      test.setTimeout(120_000);
      const tr = (namespace: string) => translatorFor(locale, namespace);
      const webhooks = tr("webhooks");
      const form = tr("webhooks.form");
      const page_ = tr("webhookPage");
      const banner = tr("disabledBanner");
      const notices = tr("notices");
      const events = tr("events.types");
      const step = (name: string, within?: string) =>
        expectAccessibleAndFitting(page, `${locale}/${size}: ${name}`, within);

      const suffix = randomUUID().slice(0, 6);
      const name = `Journey ${suffix}`;
      const fleet = twoCompanies["Fleet Tracking"];
      const website = twoCompanies["Website Relaunch"];
      const recordTitle = `Deliver the trucks ${suffix}`;
      await apiRecord(account.api, fleet.projectId, fleet.listId, recordTitle);

      // A new user's empty list leads to the form.
      await page.goto("/settings/webhooks");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { name: webhooks("emptyTitle") })).toBeVisible();
      await step("empty webhook list");
      await page.getByRole("link", { name: webhooks("emptyAction") }).click();
      await expect(page.getByRole("heading", { name: form("createTitle") })).toBeVisible();

      // Two events; one project of each company; turned off only after two failed deliveries in a row.
      await page.getByLabel(form("name")).fill(name);
      await page.getByLabel(form("url")).fill(`${receiver.url}/blue`);
      const eventGroup = page.getByRole("group", { name: form("events"), exact: true });
      await eventGroup.getByRole("radio", { name: form("chooseEvents") }).check();
      for (const type of ["TODO_CREATED", "TODO_DONE_STATUS_UPDATED"]) {
        await eventGroup.getByRole("checkbox", { name: new RegExp(`^${literal(events(`${type}.label`))}`) }).check();
      }
      const projectGroup = page.getByRole("group", { name: form("projects"), exact: true });
      await projectGroup.getByRole("radio", { name: form("chooseProjects") }).check();
      await projectGroup.getByRole("checkbox", { name: "Website Relaunch", exact: true }).check();
      await projectGroup.getByRole("checkbox", { name: "Fleet Tracking", exact: true }).check();
      await page.getByLabel(form("delivery.disableWhen")).selectOption({ label: form("delivery.policyStreak") });
      await page.getByLabel(form("delivery.streakCount")).fill("2");
      await step("new webhook form, filled in");
      await page.getByRole("button", { name: form("create") }).click();

      // The secret, copied with its button, is the one the deliveries are signed with.
      const secretDialog = page.getByRole("dialog", { name: webhooks("secret.title") });
      await expect(secretDialog.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
      await step("secret dialog", DIALOG);
      const secret = (await secretDialog.getByTestId("webhook-secret").textContent()) ?? "";
      await secretDialog.getByRole("button", { name: webhooks("secret.copy") }).click();
      await expect(secretDialog.getByRole("button", { name: webhooks("secret.copied") })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await secretDialog.getByRole("button", { name: webhooks("secret.done") }).click();

      // The list names the events and both projects; a test reaches the receiver, signed.
      const link = page.getByRole("link", { name, exact: true });
      await expect(link).toBeVisible();
      await expect(
        page.getByText(`${events("TODO_CREATED.label")}, ${events("TODO_DONE_STATUS_UPDATED.label")}`),
      ).toBeVisible();
      await expect(page.getByText("Website Relaunch, Fleet Tracking")).toBeVisible();
      await page.getByRole("button", { name: `${webhooks("sendTest")} ${name}` }).click();
      await receiver.waitFor(1);
      const test_ = receiver.requests[0];
      expect(test_.headers["x-signature"]).toBe(createHmac("sha256", secret).update(test_.body).digest("hex"));
      const delivered = literal(webhooks("testOk", { status: 200, ms: 123456 })).replace("123456", "\\d+");
      await expect(page.getByText(new RegExp(delivered))).toBeVisible();
      await step("webhook list, a test sent");

      // Completing a record on the board of the other company's project is delivered.
      await page.goto(`/projects/${fleet.projectId}`);
      await page.getByRole("button", { name: tr("board")("openRecord", { title: recordTitle }) }).click();
      const panel = page.getByRole("dialog", { name: recordTitle });
      await panel.getByRole("checkbox", { name: tr("record")("done") }).check();
      await expect(panel.getByRole("checkbox", { name: tr("record")("done") })).toBeChecked();
      await step("record panel", DIALOG);
      await expect
        .poll(
          () =>
            receiver.requests.map((r) => JSON.parse(r.body)).find((b) => b.currentValue?.title === recordTitle)?.event,
        )
        .toBe("TODO_DONE_STATUS_UPDATED");

      // Its attempt, read on the webhook's page.
      await page.goto("/settings/webhooks");
      await page.getByRole("link", { name, exact: true }).click();
      await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
      const doneRow = page.getByTestId("delivery-row").filter({ hasText: recordTitle });
      await expect(doneRow).toBeVisible();
      await step("webhook page");
      await doneRow
        .getByRole("button", { name: page_("view", { event: events("TODO_DONE_STATUS_UPDATED.label") }) })
        .click();
      const attemptDialog = page.getByRole("dialog");
      // The accepted attempt (on a loaded machine an earlier one may have run past the e2e server's 2 s timeout).
      const accepted = tr("attemptError")("ok", { status: 200 });
      await expect(attemptDialog.getByTestId("attempt-outcome").filter({ hasText: accepted })).toHaveText(accepted);
      await step("attempt dialog", DIALOG);
      await page.keyboard.press("Escape");
      await expect(attemptDialog).toBeHidden();

      // The receiver breaks: the first delivery that keeps failing warns before anything is turned off.
      receiver.reply({ status: 500, body: "broken" });
      let sent = receiver.requests.length;
      await apiRecord(account.api, website.projectId, website.listId, `Broken once ${suffix}`);
      await receiver.waitFor(sent + 5, 30_000);
      await page.goto("/notices");
      const warning = page.getByRole("listitem", { name: notices("kinds.webhook_retrying.title", { name }) });
      await expect(warning).toBeVisible();
      await expect(page.getByRole("link", { name: notices("linkUnread", { count: 1 }) })).toBeVisible();
      await step("the warning in the notices");
      await page.goto("/settings/webhooks");
      await expect(page.getByRole("switch", { name: webhooks("enableLabel", { name }) })).toBeChecked();

      // It keeps failing: the webhook is turned off, which the list, the notices and its page say.
      sent = receiver.requests.length;
      await apiRecord(account.api, website.projectId, website.listId, `Broken twice ${suffix}`);
      await receiver.waitFor(sent + 5, 30_000);
      const turnedOff = page.getByRole("region", { name: banner("turnedOffList", { count: 1 }) });
      await expect(turnedOff).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole("switch", { name: webhooks("enableLabel", { name }) })).not.toBeChecked();
      await step("webhook list with a webhook turned off");
      await page.goto("/notices");
      const disabledNotice = page.getByRole("listitem", { name: notices("kinds.webhook_disabled.title", { name }) });
      await expect(disabledNotice).toBeVisible();
      await expect(page.getByRole("link", { name: notices("linkUnread", { count: 2 }) })).toBeVisible();
      await step("notices with the webhook turned off");
      await disabledNotice.getByRole("button", { name: notices("markRead") }).click();
      await expect(page.getByRole("link", { name: notices("linkUnread", { count: 1 }) })).toBeVisible();
      await disabledNotice.getByRole("link", { name: notices("openWebhook") }).click();

      const disabledBanner = page.getByRole("region", { name: banner("title") });
      await expect(disabledBanner).toContainText(banner("meanwhile"));
      await expect(page.getByRole("switch", { name: page_("enabled") })).not.toBeChecked();
      await step("disabled banner");

      // Fixed: re-enabling checks the receiver first, then the webhook is on again.
      receiver.reply({ status: 200, body: "ok" });
      sent = receiver.requests.length;
      await disabledBanner.getByRole("button", { name: banner("fix") }).click();
      await expect(page.getByText(banner("enabled"))).toBeVisible();
      expect(receiver.requests.slice(sent).map((r) => r.headers["x-blue-event"])).toEqual(["WEBHOOK_HEALTH_CHECK"]);
      await expect(disabledBanner).toBeHidden();
      await expect(page.getByRole("switch", { name: page_("enabled") })).toBeChecked();
      await step("re-enabled");
    });
  });
}
