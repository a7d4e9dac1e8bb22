// What the catalog describes is what is sent: all 44 event types fired through the API, delivered
// by the real Inngest functions to a receiver on 127.0.0.1, and every received body validated, as
// a receiver would, against the JSON Schema that GET /api/v1/event-types/{type} serves — also
// PROJECT_DELETED, which reaches the project's former members' webhooks although the project and
// its memberships are gone when it is fanned out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventTypeRoute } from "@/app/api/v1/event-types/[type]/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { EVENT_CATALOG, EVENT_TYPES, type EventType } from "@/lib/events/catalog";
import { settlePublishing } from "@/lib/events/publish-events";
import { waitFor } from "@/tools/inngest-local/test-support";
import { fireEveryEvent } from "../helpers/every-event";
import { call, signUp } from "../helpers/http";
import { type InngestHarness, startInngestHarness } from "../helpers/inngest";
import { jsonSchemaValidator } from "../helpers/json-schema";
import { startReceiver } from "../helpers/receiver";
import { addMember, createWorkspace, eventsBy } from "../helpers/workspace";

process.env.WEBHOOK_RETRY_SCHEDULE = "10,10,10,10";

type Body = Record<string, unknown> & { id: string; event: EventType; webhook: Record<string, unknown> };

let harness: InngestHarness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let ws: Awaited<ReturnType<typeof createWorkspace>>;
let teammate: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  harness = await startInngestHarness();
  receiver = await startReceiver({ status: 204 });
  ws = await createWorkspace("schemas");
  teammate = await signUp("schemas-teammate");
  await addMember(ws.project.id, teammate.user.id, "MEMBER");
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await receiver?.close();
});

/** The served schema of each type, compiled the way a receiver would compile it. */
async function servedValidators() {
  const entries = await Promise.all(
    EVENT_TYPES.map(async (type) => {
      const res = await call(eventTypeRoute, { cookie: ws.owner.cookie, params: { type } });
      expect(res.status).toBe(200);
      return [type, jsonSchemaValidator(res.json.jsonSchema)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<EventType, ReturnType<typeof jsonSchemaValidator>>;
}

/** The body with the id of its entity (every value has one) turned into a number. */
function withNumericId(body: Body): Body {
  const side = body.currentValue === null ? "previousValue" : "currentValue";
  return { ...body, [side]: { ...(body[side] as object), id: 7 } };
}

function without(body: Body, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = body;
  return rest;
}

describe("the served JSON Schemas against real deliveries", () => {
  it("accepts the delivered body of every one of the 44 event types and rejects broken ones", async () => {
    // All the owner's projects: the project events happen in a project made during the run.
    const hook = await call(createWebhookRoute, {
      cookie: ws.owner.cookie,
      body: { name: "Schema check", url: `${receiver.url}/schemas`, events: EVENT_TYPES, allProjects: true },
    });
    expect(hook.status, JSON.stringify(hook.json)).toBe(201);

    // Matching checks membership at send time: each step's events are delivered before the next
    // step, so that deleting the project at the end does not overtake its own events' fan-out.
    const deliveredSoFar = async () => {
      await settlePublishing();
      const events = await eventsBy(ws.owner.user.id);
      const ids = events.map((e) => e.id);
      const bodies = await waitFor(
        `deliveries of all ${ids.length} events`,
        () => {
          const received = receiver.requests.map((r) => JSON.parse(r.body) as Body);
          return ids.every((id) => received.some((b) => b.id === id)) && received;
        },
        { timeoutMs: 60_000 },
      );
      return { events, bodies };
    };
    await fireEveryEvent(ws, teammate, async () => {
      await deliveredSoFar();
    });
    const { events, bodies } = await deliveredSoFar();

    expect(new Set(bodies.map((b) => b.event))).toEqual(new Set(EVENT_TYPES));
    const validators = await servedValidators();
    const deleted = events.find((e) => e.type === "PROJECT_DELETED")!;
    const deletedBody = bodies.find((b) => b.id === deleted.id)!;
    expect(deletedBody.previousValue).toEqual(deleted.previousValue);
    expect(EVENT_CATALOG.PROJECT_DELETED.payloadSchema.safeParse(deletedBody).success).toBe(true);
    for (const body of bodies) {
      const validate = validators[body.event];
      expect(body.webhook.id).toBe(hook.json.id);
      expect(validate(body), body.event).toEqual([]);
      expect(validate(withNumericId(body)), `${body.event} with a numeric id`).not.toEqual([]);
      expect(validate(without(body, "timestamp")), `${body.event} without its timestamp`).not.toEqual([]);
    }
  }, 120_000);
});
