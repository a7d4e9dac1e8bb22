// Authorization for the work platform: find the entity, then the caller's role in its project.
// Not a member → 404 (the project's existence is not revealed); a role too weak → 403; any change
// in an archived project → 409 (archived projects are read-only until restored).
import { ApiError } from "../api/errors";
import type { Tx } from "../db";
import type { Role } from "../generated/prisma/client";
import { CAPABILITY_TEXT, type Capability, can } from "./permissions";

export type ProjectAccess = { projectId: string; companyId: string; role: Role };

export async function projectAccess(
  tx: Tx,
  userId: string,
  projectId: string,
  capability: Capability,
  notFound = "Project",
): Promise<ProjectAccess> {
  // One round trip (Prisma would make two): this check opens nearly every request.
  const [membership] = await tx.$queryRaw<{ role: Role; companyId: string; archived: boolean }[]>`
    SELECT m.role::text AS role, p.company_id AS "companyId", p.archived_at IS NOT NULL AS archived
    FROM project_members m JOIN projects p ON p.id = m.project_id
    WHERE m.project_id = ${projectId} AND m.user_id = ${userId}`;
  if (!membership) throw ApiError.notFound(notFound);
  if (!can(membership.role, capability)) {
    throw new ApiError(
      "forbidden",
      `Your role in this project (${membership.role}) cannot ${CAPABILITY_TEXT[capability]}`,
    );
  }
  if (membership.archived && capability !== "read") {
    throw new ApiError("conflict", "This project is archived, so it is read-only; restore it to change it");
  }
  return { projectId, companyId: membership.companyId, role: membership.role };
}

async function accessVia(
  tx: Tx,
  userId: string,
  projectId: string | undefined,
  capability: Capability,
  what: string,
): Promise<ProjectAccess> {
  if (!projectId) throw ApiError.notFound(what);
  return projectAccess(tx, userId, projectId, capability, what);
}

export async function todoListAccess(tx: Tx, userId: string, id: string, capability: Capability) {
  const list = await tx.todoList.findUnique({ where: { id }, select: { projectId: true } });
  return accessVia(tx, userId, list?.projectId, capability, "List");
}

export async function todoAccess(tx: Tx, userId: string, id: string, capability: Capability) {
  const todo = await tx.todo.findUnique({ where: { id }, select: { projectId: true } });
  return accessVia(tx, userId, todo?.projectId, capability, "Record");
}

export async function checklistAccess(tx: Tx, userId: string, id: string, capability: Capability) {
  const checklist = await tx.checklist.findUnique({ where: { id }, select: { todo: { select: { projectId: true } } } });
  return accessVia(tx, userId, checklist?.todo.projectId, capability, "Checklist");
}

export async function checklistItemAccess(tx: Tx, userId: string, id: string, capability: Capability) {
  const item = await tx.checklistItem.findUnique({
    where: { id },
    select: { checklist: { select: { todo: { select: { projectId: true } } } } },
  });
  return accessVia(tx, userId, item?.checklist.todo.projectId, capability, "Checklist item");
}

export async function commentAccess(tx: Tx, userId: string, id: string, capability: Capability) {
  const comment = await tx.comment.findUnique({
    where: { id },
    select: { authorId: true, todo: { select: { projectId: true } } },
  });
  const access = await accessVia(tx, userId, comment?.todo.projectId, capability, "Comment");
  return { ...access, authorId: comment!.authorId };
}

export async function tagAccess(tx: Tx, userId: string, id: string, capability: Capability) {
  const tag = await tx.tag.findUnique({ where: { id }, select: { projectId: true } });
  return accessVia(tx, userId, tag?.projectId, capability, "Tag");
}

export async function customFieldAccess(tx: Tx, userId: string, id: string, capability: Capability) {
  const field = await tx.customField.findUnique({ where: { id }, select: { projectId: true } });
  return accessVia(tx, userId, field?.projectId, capability, "Custom field");
}

/** Every user id must be a member of the project (assignees); names the offending field. */
export async function requireMembers(tx: Tx, projectId: string, userIds: string[], field: string) {
  if (userIds.length === 0) return;
  const found = await tx.projectMember.findMany({
    where: { projectId, userId: { in: userIds } },
    select: { userId: true },
  });
  const members = new Set(found.map((m) => m.userId));
  const missing = userIds.filter((id) => !members.has(id));
  if (missing.length) throw ApiError.field(field, `not members of this project: ${missing.join(", ")}`);
}
