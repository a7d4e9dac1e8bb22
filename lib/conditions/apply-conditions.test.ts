// The fan-out's conditions step against the real database: the record of a comment is read once
// for any number of webhooks, and only when a rule needs it.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createListRoute } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTagRoute } from "@/app/api/v1/projects/[projectId]/tags/route";
import { POST as createTodoRoute } from "@/app/api/v1/projects/[projectId]/todos/route";
import { POST as commentRoute } from "@/app/api/v1/todos/[id]/comments/route";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { call } from "@/tests/helpers/http";
import { createWorkspace } from "@/tests/helpers/workspace";
import type { Conditions } from "../validations/webhook-conditions";
import { applyConditions } from "./apply-conditions";
import { loadRecordStates } from "./record-context";

let comment: { type: string; todoId: string | null; previousValue: unknown; currentValue: unknown };
let created: typeof comment;
let tagId: string;
let listId: string;

beforeAll(async () => {
  const ws = await createWorkspace("apply-conditions");
  const post = async (handler: Parameters<typeof call>[0], params: Record<string, string>, body: unknown) => {
    const res = await call(handler, { cookie: ws.owner.cookie, params, body });
    expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
    return res.json;
  };
  listId = (await post(createListRoute, { projectId: ws.project.id }, { title: "Inbox" })).id;
  tagId = (await post(createTagRoute, { projectId: ws.project.id }, { title: "urgent", color: "#e5484d" })).id;
  const todo = await post(
    createTodoRoute,
    { projectId: ws.project.id },
    { todoListId: listId, title: "T", tagIds: [tagId] },
  );
  await post(commentRoute, { id: todo.id }, { text: "Hello" });
  await settlePublishing();
  const events = await db().event.findMany({ where: { todoId: todo.id }, orderBy: { sequence: "asc" } });
  comment = events.find((e) => e.type === "COMMENT_CREATED")!;
  created = events.find((e) => e.type === "TODO_CREATED")!;
});

const candidates = (conditions: Conditions, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    webhook: { id: `w${i}`, conditions: i % 2 === 0 ? conditions : null },
    outcome: i % 5 === 4 ? "ACCESS_REVOKED" : "MATCHED",
  }));

function counting() {
  const reads: string[][] = [];
  const read: typeof loadRecordStates = (ids) => {
    reads.push(ids);
    return loadRecordStates(ids);
  };
  return { reads, read };
}

describe("applyConditions", () => {
  it("reads a comment's record once for fifty webhooks, and judges each by it", async () => {
    const { reads, read } = counting();
    const hasTag: Conditions = { match: "all", rules: [{ field: "record.tags", operator: "$contains", value: tagId }] };
    const judged = await applyConditions(comment, candidates(hasTag, 50), read);
    expect(reads).toEqual([[comment.todoId]]);
    expect(new Set(judged.map((j) => j.outcome))).toEqual(new Set(["MATCHED", "ACCESS_REVOKED"]));

    const lacksTag: Conditions = { match: "all", rules: [{ field: "record.tags", operator: "$nin", value: [tagId] }] };
    const filtered = await applyConditions(comment, candidates(lacksTag, 50), read);
    expect(reads).toHaveLength(2);
    // Webhooks with conditions are filtered; those without, and the revoked ones, keep their outcome.
    expect(filtered.filter((j) => j.outcome === "FILTERED").map((j) => j.webhook.id)).toEqual(
      candidates(lacksTag, 50)
        .filter((c) => c.webhook.conditions && c.outcome === "MATCHED")
        .map((c) => c.webhook.id),
    );
    expect(filtered.find((j) => j.outcome === "FILTERED")?.failedRule).toEqual({
      path: "rules[0]",
      field: "record.tags",
      operator: "$nin",
    });
  });

  it("reads nothing for a record event, or when the rules need only what the payload names", async () => {
    const { reads, read } = counting();
    const hasTag: Conditions = { match: "all", rules: [{ field: "record.tags", operator: "$contains", value: tagId }] };
    const inList: Conditions = { match: "all", rules: [{ field: "record.list", operator: "$eq", value: listId }] };
    expect((await applyConditions(created, candidates(hasTag, 20), read)).every((j) => j.outcome !== "FILTERED")).toBe(
      true,
    );
    expect((await applyConditions(comment, candidates(inList, 20), read)).every((j) => j.outcome !== "FILTERED")).toBe(
      true,
    );
    expect(reads).toEqual([]);
  });
});
