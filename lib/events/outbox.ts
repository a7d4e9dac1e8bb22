// The transactional outbox: a mutation and its events commit together or not at all. After the
// commit the events are handed to Inngest in the background; the relay re-sends any left behind.
import { randomUUID } from "node:crypto";
import { db, type Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
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

const json = (value: unknown) => (value === null ? undefined : (value as Prisma.InputJsonValue));

/** Run a mutation in one transaction with its events; returns the mutation's result. */
export async function withEvents<T>(actorId: string, fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const { result, published } = await db().$transaction(async (tx) => {
    const events: NewEvent[] = [];
    const result = await fn(tx, (event) => events.push(event));
    const occurredAt = new Date();
    const rows = events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      companyId: e.companyId,
      projectId: e.projectId,
      projectIds: e.projectIds ?? [e.projectId],
      actorId,
      occurredAt,
      previousValue: json(e.previousValue),
      currentValue: json(e.currentValue),
    }));
    if (rows.length) await tx.event.createMany({ data: rows });
    return { result, published: rows.map(({ id, type, projectIds }) => ({ id, type, projectIds })) };
  });
  if (published.length) publishEventsInBackground(published);
  return result;
}
