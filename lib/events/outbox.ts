// The transactional outbox: a mutation and its events commit together or not at all. After the
// commit the events are handed to Inngest in the background; the relay re-sends any left behind.
import { randomUUID } from "node:crypto";
import { db, type Tx } from "../db";
import { todoOf } from "../delivery-engine/payload";
import { Prisma } from "../generated/prisma/client";
import type { EventType } from "./catalog";
import { publishEventsInBackground } from "./publish-events";

export type NewEvent = {
  type: EventType;
  companyId: string;
  projectId: string;
  /** Every project the event happens in; defaults to [projectId]. */
  projectIds?: string[];
  previousValue: unknown;
  currentValue: unknown;
};

export type Emit = (event: NewEvent) => void;

/** Rows per INSERT: 11 parameters each, well under PostgreSQL's 65,535. */
const INSERT_BATCH = 1000;

/** A value as a jsonb parameter; null (no value) stays SQL NULL. */
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Run a mutation in one transaction with its events; returns the mutation's result. */
export async function withEvents<T>(actorId: string, fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const { result, published } = await db().$transaction(async (tx) => {
    const events: NewEvent[] = [];
    const result = await fn(tx, (event) => events.push(event));
    if (events.length === 0) return { result, published: [] };
    const occurredAt = new Date().toISOString();
    const rows = events.map((e) => ({ ...e, id: randomUUID(), projectIds: e.projectIds ?? [e.projectId] }));
    // Plain SQL: Prisma compiles a createMany in proportion to its JSON values, on every request.
    // VALUES rows take their sequence numbers in order, so events keep the order they were emitted.
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx.$executeRaw`
        INSERT INTO events (id, type, company_id, project_id, project_ids, other_project_ids, actor_id, occurred_at, previous_value, current_value, todo_id)
        VALUES ${Prisma.join(
          rows.slice(i, i + INSERT_BATCH).map(
            (r) => Prisma.sql`(${r.id}, ${r.type}, ${r.companyId}, ${r.projectId}, ${r.projectIds}::text[],
              ${r.projectIds.filter((p) => p !== r.projectId)}::text[], ${actorId},
              ${occurredAt}::timestamptz AT TIME ZONE 'UTC', ${json(r.previousValue)}::jsonb, ${json(r.currentValue)}::jsonb,
              ${todoOf(r.currentValue ?? r.previousValue).id})`,
          ),
        )}`;
    }
    return { result, published: rows.map(({ id, type, projectIds }) => ({ id, type, projectIds })) };
  });
  if (published.length) publishEventsInBackground(published);
  return result;
}
