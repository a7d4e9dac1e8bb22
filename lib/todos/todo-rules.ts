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

export async function requireProjectList(tx: Tx, projectId: string, todoListId: string) {
  const list = await tx.todoList.findUnique({ where: { id: todoListId }, select: { projectId: true } });
  if (!list || list.projectId !== projectId) throw ApiError.field("todoListId", "is not a list of this project");
}

export async function nextTodoPosition(tx: Tx, todoListId: string) {
  const { _max } = await tx.todo.aggregate({ where: { todoListId }, _max: { position: true } });
  return _max.position;
}
