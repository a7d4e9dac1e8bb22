// The preview's path over stored events (payloads slimmed by PostgreSQL to what rules read) against
// the plain evaluator over whole payloads: the same results for any conditions and any events.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pool } from "../db";
import { samplePayload } from "../events/samples";
import type { ConditionGroup, NestedConditionGroup } from "../validations/webhook-conditions";
import { evaluateConditions } from "./evaluate";
import { evaluateStoredEvents, payloadValuesQuery } from "./evaluate-stored-events";
import { eventArb, ruleArb } from "./test-fixtures";

const match = fc.constantFrom("all" as const, "any" as const);
const conditionsArb: fc.Arbitrary<ConditionGroup> = fc.record({
  match,
  rules: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: ruleArb },
      fc.record({
        match,
        rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
      }) as fc.Arbitrary<NestedConditionGroup>,
    ),
    { minLength: 1, maxLength: 5 },
  ),
});

/** Stores the payloads as events (of no record: the record context is not what is compared here). */
async function store(events: Array<{ type: string; data: { previousValue: unknown; currentValue: unknown } }>) {
  const ids = events.map(() => randomUUID());
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  await pool().query(
    `INSERT INTO events (id, type, company_id, project_id, project_ids, previous_value, current_value)
     SELECT v.id, v.type, 'cmp-slim', 'prj-slim', ARRAY['prj-slim'], v.previous::jsonb, v.current::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, type, previous, current)`,
    [
      ids,
      events.map((e) => e.type),
      events.map((e) => json(e.data.previousValue)),
      events.map((e) => json(e.data.currentValue)),
    ],
  );
  return events.map((e, i) => ({ id: ids[i], type: e.type, todoId: null }));
}

describe("conditions over stored events", () => {
  it("give the plain evaluator's results over whole payloads, for any conditions and events", async () => {
    await fc.assert(
      fc.asyncProperty(
        conditionsArb,
        fc.array(eventArb, { minLength: 1, maxLength: 12 }),
        async (conditions, events) => {
          const stored = await store(events);
          const plain = events.map((e) => evaluateConditions(conditions, { type: e.type, data: e.data }));
          expect(await evaluateStoredEvents(conditions, stored)).toEqual(plain);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("read only the values the rules read", async () => {
    const moved = samplePayload("TODO_MOVED");
    const [stored] = await store([{ type: "TODO_MOVED", data: moved }]);
    const tagged: ConditionGroup = {
      match: "all",
      rules: [{ field: "record.tags", operator: "$contains", value: "tag_urgent" }],
    };
    const query = payloadValuesQuery(tagged);
    const { rows } = await pool().query({ text: query.text, values: [[stored.id]], rowMode: "array" });
    type Todo = { todoList: { id: string }; tags: { id: string }[] };
    const [before, after] = [moved.previousValue as Todo, moved.currentValue as Todo];
    // The list is read for every record rule (a record is evaluated whole); nothing else is.
    expect(query.names).toEqual(["list", "tags", "refList", "refTitle"]);
    expect(rows).toEqual([
      [
        stored.id,
        "object",
        "object",
        before.todoList.id,
        before.tags.map((t) => t.id),
        null,
        null,
        after.todoList.id,
        after.tags.map((t) => t.id),
        null,
        null,
      ],
    ]);
  });

  it("read a payload that is not an object as the evaluator does", async () => {
    const conditions: ConditionGroup = {
      match: "any",
      rules: [
        { field: "record.list", operator: "$changed" },
        { field: "comment.author", operator: "$exist", value: false },
      ],
    };
    const odd = [
      { type: "TODO_MOVED", data: { previousValue: "text", currentValue: 5 } },
      { type: "COMMENT_UPDATED", data: { previousValue: true, currentValue: null } },
    ];
    const stored = await store(odd);
    const plain = odd.map((e) => evaluateConditions(conditions, e));
    expect(await evaluateStoredEvents(conditions, stored)).toEqual(plain);
  });

  it("read a record's custom fields as the evaluator does: a null value, none, a repeated field", async () => {
    const conditions: ConditionGroup = {
      match: "any",
      rules: [
        { field: "record.customField", customFieldId: "cf_priority", operator: "$exist", value: true },
        { field: "record.customField", customFieldId: "cf_priority", operator: "$eq", value: "opt_high" },
      ],
    };
    const base = samplePayload("TODO_CREATED").currentValue as Record<string, unknown>;
    const field = (value?: unknown) => ({
      customField: { id: "cf_priority", name: "Priority", type: "SELECT_SINGLE" },
      ...(value === undefined ? {} : { value }),
    });
    const withFields = (customFields: unknown) => ({
      type: "TODO_CREATED",
      data: { previousValue: null, currentValue: { ...base, customFields } },
    });
    const odd = [
      withFields([field(null)]),
      withFields([field()]),
      withFields([field("opt_low"), field("opt_high")]),
      withFields([field("opt_high"), field(null)]),
      withFields([field("opt_high"), field()]),
      withFields([]),
    ];
    const stored = await store(odd);
    const plain = odd.map((e) => evaluateConditions(conditions, e));
    expect(plain.map((e) => e.matched)).toContain(true);
    expect(await evaluateStoredEvents(conditions, stored)).toEqual(plain);
  });
});
