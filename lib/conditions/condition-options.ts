// What the conditions builder offers: the lists, tags, people and custom fields of the projects a
// webhook covers (named ones, or all the caller's), only of projects the caller belongs to.
import { ApiError } from "../api/errors";
import { db } from "../db";
import { requireMembership } from "../webhooks/webhook-selection";
import { conditionScope } from "./check-references";

type Option = { id: string; title: string };
type Query = { projectIds?: string[]; allProjects?: "true" | "false" };

export async function conditionOptions(userId: string, query: Query) {
  const allProjects = query.allProjects === "true";
  const projectIds = query.projectIds ?? [];
  if (allProjects && projectIds.length > 0) throw ApiError.field("projectIds", "leave empty when allProjects is true");
  if (!allProjects && projectIds.length === 0)
    throw ApiError.field("projectIds", "name at least one project, or allProjects=true");
  return db().$transaction(async (tx) => {
    await requireMembership(tx, userId, projectIds);
    const projectId = { in: await conditionScope(tx, userId, { allProjects, projectIds }) };
    const [lists, tags, members, fields] = await Promise.all([
      tx.todoList.findMany({
        where: { projectId },
        select: { id: true, title: true, projectId: true, project: { select: { name: true } } },
        orderBy: [{ project: { name: "asc" } }, { position: "asc" }],
      }),
      tx.tag.findMany({
        where: { projectId },
        select: { id: true, title: true, color: true, projectId: true },
        orderBy: { title: "asc" },
      }),
      tx.projectMember.findMany({
        where: { projectId },
        select: { user: { select: { id: true, name: true, email: true } } },
        distinct: ["userId"],
      }),
      tx.customField.findMany({
        where: { projectId },
        select: { id: true, name: true, type: true, projectId: true, options: true },
        orderBy: [{ projectId: "asc" }, { position: "asc" }],
      }),
    ]);
    return {
      lists: lists.map((l) => ({ id: l.id, title: l.title, projectId: l.projectId, projectName: l.project.name })),
      tags,
      people: members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
      customFields: fields.map((f) => ({
        ...f,
        options: (f.options as Option[]).map((o) => ({ id: o.id, title: o.title })),
      })),
    };
  });
}
