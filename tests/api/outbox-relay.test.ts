// Events committed while Inngest is down are sent when it is back, once.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { FAN_OUT_GRACE_MS, RELAY_GRACE_MS, relayNotFannedOut, relayUnpublished } from "@/lib/events/relay-unpublished";
import { waitFor } from "@/tools/inngest-local/test-support";
import { call } from "../helpers/http";
import { type InngestHarness, startInngestHarness } from "../helpers/inngest";
import { createWorkspace } from "../helpers/workspace";

let harness: InngestHarness;
let ws: Awaited<ReturnType<typeof createWorkspace>>;

beforeAll(async () => {
  ws = await createWorkspace("relay");
  harness = await startInngestHarness({ startServer: false });
});
afterAll(() => harness.close());

async function runsFor(eventId: string) {
  const res = await fetch(`${harness.server.url}/v1/runs?limit=200`);
  const body = (await res.json()) as { data: { functionId: string; eventId: string; status: string }[] };
  return body.data.filter((r) => r.functionId === "blue-webhooks-fan-out" || r.eventId === eventId);
}

/** A new list's TODO_LIST_CREATED event, after its hand-off to Inngest was tried. */
async function newListEvent(title: string) {
  const res = await call(createList, {
    cookie: ws.owner.cookie,
    params: { projectId: ws.project.id },
    body: { title },
  });
  expect(res.status).toBe(201);
  await settlePublishing();
  const [event] = await db().event.findMany({
    where: { projectId: ws.project.id, currentValue: { path: ["title"], equals: title } },
  });
  return event;
}

describe("outbox relay", () => {
  it("keeps an event committed while Inngest is down and sends it once Inngest is back", async () => {
    const res = await call(createList, {
      cookie: ws.owner.cookie,
      params: { projectId: ws.project.id },
      body: { title: "Offline" },
    });
    expect(res.status).toBe(201);
    await settlePublishing();
    const [event] = await db().event.findMany({ where: { projectId: ws.project.id, type: "TODO_LIST_CREATED" } });
    expect(event.publishedAt).toBeNull();
    expect(event.publishAttempts).toBe(1);
    expect(event.lastPublishError).not.toBeNull();

    await harness.startServer();
    const later = new Date(event.occurredAt.getTime() + RELAY_GRACE_MS + 1);
    expect(await relayUnpublished(later)).toBeGreaterThanOrEqual(1);
    const published = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(published.publishedAt).not.toBeNull();
    expect(published.lastPublishError).toBeNull();
    expect(await relayUnpublished(later)).toBe(0);
  });

  it("an event whose fan-out run was lost (every retry failed) is handed over again, under a new Inngest id", async () => {
    if (!harness.server) await harness.startServer();
    const event = await newListEvent("Lost run");
    await waitFor("the first fan-out", async () =>
      (await db().event.findUniqueOrThrow({ where: { id: event.id } })).fannedOutAt ? true : undefined,
    );
    // As if that run had failed for good: handed over, never fanned out.
    const handedOver = new Date(Date.now() - FAN_OUT_GRACE_MS - 60_000);
    await db().event.update({ where: { id: event.id }, data: { fannedOutAt: null, publishedAt: handedOver } });
    // Within the grace a run may still be alive (a backlog, its retries): nothing is sent.
    expect(await relayNotFannedOut(new Date(handedOver.getTime() + FAN_OUT_GRACE_MS - 1_000))).toBe(0);

    expect(await relayNotFannedOut()).toBeGreaterThanOrEqual(1);
    const again = await waitFor("the new fan-out", async () => {
      const row = await db().event.findUniqueOrThrow({ where: { id: event.id } });
      return row.fannedOutAt ? row : undefined;
    });
    expect(again.publishedAt!.getTime()).toBeGreaterThan(handedOver.getTime());
    expect(await relayNotFannedOut()).toBe(0);
  });

  it("an event published twice (a relay racing a slow first send) reaches Inngest once", async () => {
    const event = await newListEvent("Twice");
    expect(event.publishedAt).not.toBeNull();
    const { inngest } = await import("@/inngest/client");
    const again = await inngest.send({
      id: event.id,
      name: "platform/event.committed",
      data: { eventId: event.id, type: event.type, projectIds: event.projectIds },
    });
    expect(again.ids).toHaveLength(1);
    const runs = await waitFor("the fan-out run", async () => {
      const list = (await runsFor(event.id)).filter((r) => r.status !== "Running");
      return list.length > 0 ? list : undefined;
    });
    expect(runs.filter((r) => r.eventId === runs[0].eventId)).toHaveLength(1);
  });

  it("events committed while a send is in flight go out together in the next send, all marked published", async () => {
    const { inngest } = await import("@/inngest/client");
    const send = vi.spyOn(inngest, "send");
    try {
      const titles = Array.from({ length: 12 }, (_, i) => `Batch ${i}`);
      const responses = await Promise.all(
        titles.map((title) =>
          call(createList, { cookie: ws.owner.cookie, params: { projectId: ws.project.id }, body: { title } }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(titles.map(() => 201));
      await settlePublishing();
      const sent = send.mock.calls.flatMap(([payload]) => (Array.isArray(payload) ? payload : [payload]));
      const events = await db().event.findMany({ where: { id: { in: sent.map((e) => e.id!) } } });
      expect(events.map((e) => (e.currentValue as { title: string }).title).sort()).toEqual([...titles].sort());
      expect(events.every((e) => e.publishedAt !== null && e.publishAttempts === 1)).toBe(true);
      expect(send.mock.calls.length).toBeGreaterThan(0);
      expect(send.mock.calls.length).toBeLessThan(titles.length);
    } finally {
      send.mockRestore();
    }
  });
});
