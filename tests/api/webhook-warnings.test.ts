// Warnings before failures turn a webhook off, end to end: real receivers failing or answering,
// the real delivery functions through the local Inngest server, a real SMTP server. The creator
// reads them in Spanish, once an hour at most; a healthy webhook warns nobody.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "@/i18n/translator";
import { db, pool, sqlTransaction } from "@/lib/db";
import type { Decision } from "@/lib/delivery-engine/decide";
import type { AttemptRecord } from "@/lib/delivery-engine/perform-attempt";
import { noticeText } from "@/lib/notices/notice-text";
import { markEnabled, recordExhaustions } from "@/lib/webhook-health";
import { warnBeforeDisabling } from "@/lib/webhooks/warn-before-disabling";
import { waitFor } from "@/tools/inngest-local/test-support";
import {
  createRecord,
  createWebhook,
  type DeliveryWorkspace,
  deliveryWorkspace,
  retryingDelivery,
} from "../helpers/delivery-workspace";
import { type InngestHarness, startInngestHarness } from "../helpers/inngest";
import { startReceiver } from "../helpers/receiver";
import { startSmtp } from "../helpers/smtp";
import { statementsDuring } from "../helpers/statements";

process.env.WEBHOOK_RETRY_SCHEDULE = "10,10,10,10";
process.env.WEBHOOK_TIMEOUT_MS = "1500";

let harness: InngestHarness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  harness = await startInngestHarness();
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await smtp?.close();
});

const es = translatorFor("es", "notices");
const warningsOf = (webhookId: string) =>
  db().notice.findMany({
    where: { webhookId, kind: { in: ["webhook_retrying", "webhook_last_chance"] } },
    orderBy: { createdAt: "asc" },
  });
const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to));

/** Wait until the webhook's deliveries have all ended, `count` of them. */
async function deliveriesEnded(webhookId: string, count: number) {
  return waitFor(
    `${count} deliveries to end`,
    async () => {
      const rows = await db().delivery.findMany({ where: { webhookId, kind: "event" } });
      return rows.length === count && rows.every((d) => d.status === "DELIVERED" || d.status === "FAILED")
        ? rows
        : undefined;
    },
    { timeoutMs: 30_000 },
  );
}

async function spanishWorkspace(label: string) {
  const ws = await deliveryWorkspace(label);
  await db().user.update({ where: { id: ws.owner.user.id }, data: { locale: "es" } });
  return ws;
}

describe("warnings before a webhook is turned off", () => {
  let ws: DeliveryWorkspace;
  beforeAll(async () => {
    ws = await spanishWorkspace("warned-es");
  });

  it("warns once when a delivery starts retrying, not again within the hour, then before the last failure", async () => {
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/pedidos`, {
      name: "Pedidos",
      disablePolicy: { type: "exhausted", count: 3 },
    });

    await createRecord(ws, "First failure");
    await deliveriesEnded(hook.id, 1);
    const [retrying] = await warningsOf(hook.id);
    expect(retrying.kind).toBe("webhook_retrying");
    expect(noticeText(es, retrying)).toEqual({
      title: "Los envíos a «Pedidos» están fallando",
      body: expect.stringContaining(`Tu servidor en ${receiver.url}/pedidos no aceptó un evento`),
      translated: true,
    });
    const firstMail = await db().outboxEmail.findFirstOrThrow({ where: { to: ws.owner.email } });
    expect(firstMail.subject).toBe("Los envíos a tu webhook «Pedidos» están fallando");
    expect(firstMail.text).toContain("(«Registro creado»)");
    expect(firstMail.text).toContain("Qué falló (detalle técnico): HTTP 500.");
    await waitFor("the warning e-mail to arrive", () => mailsTo(ws.owner.email).length === 1);

    // A second failing delivery within the hour: it starts retrying, is exhausted, and now one
    // more would disable the webhook — but the creator was warned less than an hour ago.
    await createRecord(ws, "Second failure");
    await deliveriesEnded(hook.id, 2);
    expect(await warningsOf(hook.id)).toHaveLength(1);
    expect(await db().outboxEmail.count({ where: { to: ws.owner.email } })).toBe(1);

    // An hour later (the warning's time moved back), the next failing delivery is the last chance.
    await db().webhook.update({
      where: { id: hook.id },
      data: { warnedAt: new Date(Date.now() - 61 * 60_000) },
    });
    await createRecord(ws, "Third failure");
    await deliveriesEnded(hook.id, 3);
    const warnings = await warningsOf(hook.id);
    expect(warnings.map((n) => n.kind)).toEqual(["webhook_retrying", "webhook_last_chance"]);
    expect(noticeText(es, warnings[1]).title).toBe("«Pedidos» se desactivará si falla un envío más");
    expect(warnings[1].title).toBe("“Pedidos” will be turned off after one more failed delivery");
    const webhook = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(webhook.enabled).toBe(false);
    const subjects = (
      await db().outboxEmail.findMany({ where: { to: ws.owner.email }, orderBy: { createdAt: "asc" } })
    ).map((m) => m.subject);
    expect(subjects).toEqual([
      "Los envíos a tu webhook «Pedidos» están fallando",
      "Tu webhook «Pedidos» se desactivará si falla un envío más",
      "Se ha desactivado tu webhook «Pedidos»",
    ]);
    await waitFor("all three e-mails to arrive", () => mailsTo(ws.owner.email).length === 3);
    await receiver.close();
  }, 60_000);

  it("with Blue's rule (one exhausted delivery disables), the first retry is already the last chance", async () => {
    const other = await spanishWorkspace("warned-default");
    const receiver = await startReceiver({ status: 503, body: "maintenance" });
    const hook = await createWebhook(other, `${receiver.url}/x`, { name: "Facturas" });
    await createRecord(other, "Only failure");
    await deliveriesEnded(hook.id, 1);
    const warnings = await warningsOf(hook.id);
    expect(warnings.map((n) => n.kind)).toEqual(["webhook_last_chance"]);
    const subjects = (
      await db().outboxEmail.findMany({ where: { to: other.owner.email }, orderBy: { createdAt: "asc" } })
    ).map((m) => m.subject);
    expect(subjects).toEqual([
      "Tu webhook «Facturas» se desactivará si falla un envío más",
      "Se ha desactivado tu webhook «Facturas»",
    ]);
    await receiver.close();
  }, 60_000);

  it("turning the webhook back on lets the next failure warn again, within the same hour", async () => {
    const again = await spanishWorkspace("warned-reenabled");
    const receiver = await startReceiver({ status: 503, body: "maintenance" });
    const hook = await createWebhook(again, `${receiver.url}/x`, { name: "Otra vez" });
    await createRecord(again, "First failure");
    await deliveriesEnded(hook.id, 1);
    expect((await warningsOf(hook.id)).length).toBe(1);
    await markEnabled(hook.id);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: hook.id } })).warnedAt).toBeNull();
    await createRecord(again, "Second failure");
    await deliveriesEnded(hook.id, 2);
    expect((await warningsOf(hook.id)).map((n) => n.kind)).toEqual(["webhook_last_chance", "webhook_last_chance"]);
    await receiver.close();
  }, 60_000);

  it("a healthy webhook warns nobody", async () => {
    const healthy = await spanishWorkspace("warned-healthy");
    const receiver = await startReceiver({ status: 204 });
    const hook = await createWebhook(healthy, `${receiver.url}/ok`, { name: "Sano" });
    await createRecord(healthy, "Delivered");
    await createRecord(healthy, "Delivered too");
    const ended = await deliveriesEnded(hook.id, 2);
    expect(ended.map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED"]);
    expect(await db().notice.count({ where: { webhookId: hook.id } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { to: healthy.owner.email } })).toBe(0);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: hook.id } })).warnedAt).toBeNull();
    await receiver.close();
  }, 60_000);
});

/** A failed first attempt (RETRYING) or a chain's last (exhausted), as the recorder hands them over. */
function failedAttempt(
  hook: { id: string; url: string },
  status: "RETRYING" | "FAILED",
): { r: AttemptRecord; d: Decision } {
  return {
    r: {
      delivery: {
        id: "d",
        webhookId: hook.id,
        messageId: "m",
        body: "{}",
        eventType: "TODO_CREATED",
        url: hook.url,
        kind: "event",
        chainLast: 5,
      },
      number: status === "RETRYING" ? 1 : 5,
      trigger: "auto",
      startedAt: new Date(),
      headers: {},
      outcome: {
        ok: false,
        statusCode: 500,
        latencyMs: 3,
        errorClass: "http_status",
        errorMessage: "HTTP 500",
        responseHeaders: null,
        responseBody: null,
        retryAfterMs: null,
      },
    },
    d: {
      status,
      retryAt: status === "RETRYING" ? Date.now() : null,
      pauseUntil: null,
      gone: false,
      exhausted: status === "FAILED",
    },
  };
}

describe("the hour is claimed in the database", () => {
  it("two transactions recording failures of one webhook at once warn once", async () => {
    const ws = await spanishWorkspace("warned-race");
    const hook = await createWebhook(ws, "http://127.0.0.1:9/race", { name: "Carrera" });
    const failure = () => failedAttempt(hook, "RETRYING");
    const first = await pool().connect();
    const second = await pool().connect();
    try {
      await first.query("BEGIN");
      await second.query("BEGIN");
      expect(await warnBeforeDisabling(first, [failure()])).toHaveLength(1);
      // The second sees no warning committed yet, so it tries to claim the hour and waits for the first.
      const racing = warnBeforeDisabling(second, [failure()]);
      await first.query("COMMIT");
      expect(await racing).toEqual([]);
      await second.query("COMMIT");
    } finally {
      first.release();
      second.release();
    }
    expect(await warningsOf(hook.id)).toHaveLength(1);
    expect(await db().outboxEmail.count({ where: { to: ws.owner.email } })).toBe(1);
  });
});

describe("which failures warn", () => {
  it("an exhausted delivery far from the policy's limit warns nobody; one that leaves a single failure to go does", async () => {
    const ws = await spanishWorkspace("warned-limit");
    const hook = await createWebhook(ws, "http://127.0.0.1:9/limit", {
      name: "Límite",
      disablePolicy: { type: "exhausted", count: 3 },
    });
    const exhausted = failedAttempt(hook, "FAILED");
    await db().webhook.update({ where: { id: hook.id }, data: { exhaustedDeliveries: 1 } });
    expect(await sqlTransaction((client) => warnBeforeDisabling(client, [exhausted]))).toEqual([]);
    expect(await warningsOf(hook.id)).toHaveLength(0);

    await db().webhook.update({ where: { id: hook.id }, data: { exhaustedDeliveries: 2 } });
    expect(await sqlTransaction((client) => warnBeforeDisabling(client, [exhausted]))).toHaveLength(1);
    expect((await warningsOf(hook.id)).map((n) => n.kind)).toEqual(["webhook_last_chance"]);
  });

  it("a failure-rate policy warns its last chance when one more failure would cross the rate", async () => {
    const ws = await spanishWorkspace("warned-rate");
    const hook = await createWebhook(ws, "http://127.0.0.1:9/rate", {
      name: "Tasa",
      disablePolicy: { type: "failure_rate", percent: 50, windowMinutes: 60, minDeliveries: 2 },
    });
    // No delivery ended yet: one more failure would be 1 of 1, below the minimum of 2 — just retrying.
    const retrying = failedAttempt(hook, "RETRYING");
    expect(await sqlTransaction((client) => warnBeforeDisabling(client, [retrying]))).toHaveLength(1);
    expect((await warningsOf(hook.id)).map((n) => n.kind)).toEqual(["webhook_retrying"]);

    // An hour later, with one delivery failed in the window: one more would be 2 of 2, above 50 %.
    await db().webhook.update({ where: { id: hook.id }, data: { warnedAt: new Date(Date.now() - 61 * 60_000) } });
    await db().delivery.create({
      data: {
        webhookId: hook.id,
        eventType: "TODO_CREATED",
        messageId: `msg_${hook.id}`,
        body: "{}",
        status: "FAILED",
        completedAt: new Date(),
      },
    });
    expect(await sqlTransaction((client) => warnBeforeDisabling(client, [retrying]))).toHaveLength(1);
    expect((await warningsOf(hook.id)).map((n) => n.kind)).toEqual(["webhook_retrying", "webhook_last_chance"]);
  });
});

/**
 * A hundred dead receivers start failing, and reach their last attempt, within the same second
 * (bench:delivery's (e)): their warnings and disables are written by one recording transaction,
 * which must not grow by several round trips per webhook while other deliveries wait on its locks.
 */
describe("many webhooks failing together", () => {
  const hooks = (ws: DeliveryWorkspace, label: string, policies: unknown[]) =>
    Promise.all(
      policies.map((disablePolicy, i) =>
        createWebhook(ws, `http://127.0.0.1:9/${label}-${i}`, {
          name: `${label} ${i}`,
          ...(disablePolicy ? { disablePolicy } : {}),
        }),
      ),
    );
  const exhaustion = (hook: { id: string }, eventType = "TODO_CREATED") => ({
    webhookId: hook.id,
    eventType,
    attempts: 5,
    lastError: "connection refused",
  });

  it("are warned in as many statements as one webhook is, each in its owner's language", async () => {
    const ws = await spanishWorkspace("warned-many");
    const rate = { type: "failure_rate", percent: 50, windowMinutes: 60, minDeliveries: 2 };
    const [one] = await hooks(await spanishWorkspace("warned-one"), "uno", [rate]);
    const many = await hooks(ws, "muchos", [null, null, null, null, rate]);
    const alone = await statementsDuring(() =>
      sqlTransaction((client) => warnBeforeDisabling(client, [failedAttempt(one, "RETRYING")])),
    );
    let emails: string[] = [];
    const together = await statementsDuring(async () => {
      emails = await sqlTransaction((client) =>
        warnBeforeDisabling(
          client,
          many.map((hook) => failedAttempt(hook, "RETRYING")),
        ),
      );
    });
    expect(together).toEqual(alone);
    expect(emails).toHaveLength(5);
    const kinds = await Promise.all(many.map(async (hook) => (await warningsOf(hook.id)).map((n) => n.kind)));
    // Blue's rule: the first retry is the last chance; the failure rate is far from its limit.
    expect(kinds).toEqual([...Array(4).fill(["webhook_last_chance"]), ["webhook_retrying"]]);
    const mails = await db().outboxEmail.findMany({ where: { id: { in: emails } } });
    const es = translatorFor("es", "warnings.email.lastChance");
    expect(mails.filter((m) => m.subject === es("subject", { name: "muchos 0" }))).toHaveLength(1);
    expect(new Set(mails.map((m) => m.to))).toEqual(new Set([ws.owner.email]));
  });

  it("are disabled in as many statements as one webhook is, each by its own policy and with its reason", async () => {
    const ws = await spanishWorkspace("disabled-many");
    const [one] = await hooks(await spanishWorkspace("disabled-one"), "uno", [null]);
    const [a, b, twice, far] = await hooks(ws, "muertos", [
      null,
      null,
      { type: "exhausted", count: 2 },
      { type: "exhausted", count: 3 },
    ]);
    const waiting = await retryingDelivery(a.id, "waiting", new Date(Date.now() + 60_000), new Date(0));
    const alone = await statementsDuring(() =>
      sqlTransaction((client) => recordExhaustions(client, [exhaustion(one)])),
    );
    let done = { emails: [] as string[], disabled: [] as string[] };
    const together = await statementsDuring(async () => {
      done = await sqlTransaction((client) =>
        recordExhaustions(client, [
          exhaustion(a),
          exhaustion(b),
          exhaustion(twice, "TODO_CREATED"),
          exhaustion(twice, "TODO_DELETED"),
          exhaustion(far),
        ]),
      );
    });
    expect(together).toEqual(alone);
    expect(new Set(done.disabled)).toEqual(new Set([a.id, b.id, twice.id]));
    expect(done.emails).toHaveLength(3);

    const after = new Map(
      (await db().webhook.findMany({ where: { id: { in: [a.id, b.id, twice.id, far.id] } } })).map((w) => [w.id, w]),
    );
    for (const id of [a.id, b.id, twice.id]) {
      expect(after.get(id)).toMatchObject({ enabled: false, status: "UNHEALTHY" });
      expect(await db().notice.count({ where: { webhookId: id, kind: "webhook_disabled" } })).toBe(1);
    }
    expect(after.get(a.id)!.disabledReason).toBe(
      "5 delivery attempts of TODO_CREATED failed (last: connection refused)",
    );
    // Counted one by one, the second exhaustion of the batch is the one that crossed the count of 2.
    expect(after.get(twice.id)!.disabledReason).toBe(
      "2 deliveries in a row failed after all their attempts (last: TODO_DELETED, connection refused)",
    );
    expect(after.get(far.id)).toMatchObject({ enabled: true, exhaustedDeliveries: 1 });
    // The disabled webhook's waiting retry is kept for replay, not sent.
    expect(await db().delivery.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "SKIPPED",
      nextAttemptAt: null,
    });
  });
});
