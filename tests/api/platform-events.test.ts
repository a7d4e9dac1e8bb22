// Every one of the 44 events (Blue's 37 and our 7 for projects and members) fired through a real API call, stored with its change and valid
// against the catalog schema.
import { beforeAll, describe, expect, it } from "vitest";
import { EVENT_CATALOG, EVENT_TYPES, type EventType } from "@/lib/events/catalog";
import { fireEveryEvent } from "../helpers/every-event";
import { signUp } from "../helpers/http";
import { addMember, createWorkspace, eventsBy } from "../helpers/workspace";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let teammate: Awaited<ReturnType<typeof signUp>>;
let seen = 0;

/** The event types written since the last call, in order. */
async function newEvents(): Promise<EventType[]> {
  const events = await eventsBy(ws.owner.user.id);
  const fresh = events.slice(seen);
  seen = events.length;
  return fresh.map((e) => e.type as EventType);
}

beforeAll(async () => {
  ws = await createWorkspace("events");
  teammate = await signUp("teammate");
  await addMember(ws.project.id, teammate.user.id, "MEMBER");
});

describe("the 44 events through the API", () => {
  it("fires each event type with the payload its catalog schema describes", async () => {
    const { secondTodoId, companyId } = await fireEveryEvent(ws, teammate, async (expected) => {
      expect(await newEvents()).toEqual(expected);
    });

    const [moveEvent] = (await eventsBy(ws.owner.user.id)).filter((e) => e.type === "TODO_MOVED");
    expect(moveEvent.projectId).toBe(ws.otherProject.id);
    expect(moveEvent.projectIds.sort()).toEqual([ws.project.id, ws.otherProject.id].sort());
    const deletions = (await eventsBy(ws.owner.user.id)).filter((e) => e.type === "TODO_DELETED");
    expect(deletions.at(-1)?.previousValue).toMatchObject({ id: secondTodoId });

    const events = await eventsBy(ws.owner.user.id);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    for (const event of events) {
      const parsed = EVENT_CATALOG[event.type as EventType].payloadSchema.safeParse({
        previousValue: event.previousValue ?? null,
        currentValue: event.currentValue ?? null,
      });
      expect(parsed.success, `${event.type}: ${parsed.error?.message}`).toBe(true);
      expect(event.actorId).toBe(ws.owner.user.id);
      expect(event.projectIds).toContain(event.projectId);
      expect([ws.project.companyId, ws.otherProject.companyId, companyId]).toContain(event.companyId);
    }
  });
});
