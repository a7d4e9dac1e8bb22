// A webhook disabled by failures tells its creator in their own language: the e-mail is written in
// it, and the notice keeps its English text plus what the notice list needs to show it in it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { translatorFor } from "@/i18n/translator";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { noticeText } from "@/lib/notices/notice-text";
import { disableWebhookNow } from "@/lib/webhook-health";
import { call } from "../helpers/http";
import { createWorkspace } from "../helpers/workspace";

let ws: Awaited<ReturnType<typeof createWorkspace>>;

beforeAll(async () => {
  ws = await createWorkspace("disabled-es");
  await db().user.update({ where: { id: ws.owner.user.id }, data: { locale: "es" } });
});
afterAll(settlePublishing);

describe("a webhook disabled by failures, for a Spanish reader", () => {
  it("e-mails and notifies in Spanish, keeping the technical reason", async () => {
    const url = "http://127.0.0.1:9/pedidos";
    const res = await call(createWebhookRoute, {
      cookie: ws.owner.cookie,
      body: { name: "Pedidos", url, events: ["TODO_CREATED"], projectIds: [ws.project.id] },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const reason = "5 delivery attempts of TODO_CREATED failed (last: HTTP 500)";
    await disableWebhookNow(res.json.id, reason, "failures");

    const [mail] = await db().outboxEmail.findMany({ where: { to: ws.owner.email } });
    expect(mail.subject).toBe("Se ha desactivado tu webhook «Pedidos»");
    expect(mail.text).toContain(`Hemos dejado de enviar eventos a ${url}`);
    expect(mail.text).toContain(`Qué falló (detalle técnico): ${reason}.`);

    const notice = await db().notice.findFirstOrThrow({ where: { webhookId: res.json.id } });
    expect(notice.title).toBe("Webhook “Pedidos” was disabled");
    expect(noticeText(translatorFor("es", "notices"), notice)).toMatchObject({
      title: "Se ha desactivado el webhook «Pedidos»",
      translated: true,
    });
  });
});
