import { db, type Tx } from "../db";
import type { CustomFieldValue } from "../events/values";
import { projectAccess } from "../platform/access";
import { loadOpenProjectTodoValues } from "../platform/load-values";

/** Everything the board shows: lists with their open records, members, tags, custom fields. */
export async function getBoard(userId: string, projectId: string) {
  return db().$transaction((tx) => readBoard(tx, userId, projectId));
}

async function readBoard(tx: Tx, userId: string, projectId: string) {
  const access = await projectAccess(tx, userId, projectId, "read");
  const [project, lists, values, members, tags, customFields] = await Promise.all([
    tx.project.findUniqueOrThrow({
      where: { id: projectId },
      include: { company: { select: { id: true, name: true } } },
    }),
    tx.todoList.findMany({ where: { projectId }, orderBy: { position: "asc" } }),
    loadOpenProjectTodoValues(tx, projectId),
    tx.projectMember.findMany({
      where: { projectId },
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    tx.tag.findMany({ where: { projectId }, orderBy: { title: "asc" } }),
    tx.customField.findMany({ where: { projectId }, orderBy: { position: "asc" } }),
  ]);
  return {
    project: { id: project.id, name: project.name, company: project.company, role: access.role },
    lists: lists.map((l) => ({
      id: l.id,
      title: l.title,
      position: l.position,
      todos: values.filter((t) => t.todoList.id === l.id),
    })),
    members: members.map((m) => ({ ...m.user, role: m.role })),
    tags: tags.map((t) => ({ id: t.id, title: t.title, color: t.color })),
    customFields: customFields.map((f) => ({
      id: f.id,
      name: f.name,
      type: f.type,
      options: f.options as CustomFieldValue["options"],
      currency: f.currency,
    })),
  };
}
