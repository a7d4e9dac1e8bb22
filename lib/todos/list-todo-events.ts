import { db } from "../db";
import { todoAccess } from "../platform/access";

/** A record's history: the events about it or its checklists and comments, newest first. */
export async function listTodoEvents(userId: string, todoId: string) {
  const access = await db().$transaction((tx) => todoAccess(tx, userId, todoId, "read"));
  const about = (path: string[]) => [
    { currentValue: { path, equals: todoId } },
    { previousValue: { path, equals: todoId } },
  ];
  const events = await db().event.findMany({
    where: {
      projectIds: { has: access.projectId },
      OR: [...about(["id"]), ...about(["todo", "id"]), ...about(["checklist", "todo", "id"])],
    },
    orderBy: { sequence: "desc" },
    take: 50,
    select: { id: true, type: true, occurredAt: true, actor: { select: { id: true, name: true } } },
  });
  return events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() }));
}
