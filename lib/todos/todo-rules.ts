// Checks shared by creating, changing and moving records.
import { ApiError } from "../api/errors";
import type { Tx } from "../db";

export function checkDateOrder(startedAt: Date | null | undefined, duedAt: Date | null | undefined) {
  if (startedAt && duedAt && duedAt < startedAt) throw ApiError.field("duedAt", "must not be before startedAt");
}

export async function requireProjectTags(tx: Tx, projectId: string, tagIds: string[], field = "tagIds") {
  if (tagIds.length === 0) return;
  const found = await tx.tag.findMany({ where: { projectId, id: { in: tagIds } }, select: { id: true } });
  const known = new Set(found.map((t) => t.id));
  const missing = tagIds.filter((id) => !known.has(id));
  if (missing.length) throw ApiError.field(field, `not tags of this project: ${missing.join(", ")}`);
}

/** The list must be one of the project's; returns its last record's position (null if empty). */
export async function requireProjectList(tx: Tx, projectId: string, todoListId: string): Promise<number | null> {
  const [list] = await tx.$queryRaw<{ projectId: string; lastPosition: number | null }[]>`
    SELECT l.project_id AS "projectId", (SELECT max(t.position) FROM todos t WHERE t.todo_list_id = l.id) AS "lastPosition"
    FROM todo_lists l WHERE l.id = ${todoListId}`;
  if (!list || list.projectId !== projectId) throw ApiError.field("todoListId", "is not a list of this project");
  return list.lastPosition;
}

export async function nextTodoPosition(tx: Tx, todoListId: string) {
  const { _max } = await tx.todo.aggregate({ where: { todoListId }, _max: { position: true } });
  return _max.position;
}
