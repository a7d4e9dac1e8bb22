// Load an entity as its event value (relations expanded, dates as ISO strings). Used for
// previousValue before a change and currentValue after it, inside the same transaction.
import type { Tx } from "../db";
import type {
  ChecklistItemValue,
  ChecklistValue,
  CommentValue,
  CustomFieldValue,
  TagValue,
  TodoListValue,
  TodoValue,
} from "../events/values";
import type { Prisma } from "../generated/prisma/client";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const projectInclude = { include: { company: { select: { id: true, name: true } } } } as const;
const listInclude = { include: { project: projectInclude } } as const;
const todoRefSelect = { select: { id: true, title: true, todoList: listInclude } } as const;
const userSelect = { select: { id: true, name: true, email: true } } as const;

type ProjectRow = { id: string; name: string; company: { id: string; name: string } };
const projectRef = (p: ProjectRow) => ({ id: p.id, name: p.name, company: { id: p.company.id, name: p.company.name } });
const listRef = (l: { id: string; title: string; project: ProjectRow }) => ({
  id: l.id,
  title: l.title,
  project: projectRef(l.project),
});
const todoRef = (t: { id: string; title: string; todoList: { id: string; title: string; project: ProjectRow } }) => ({
  id: t.id,
  title: t.title,
  todoList: listRef(t.todoList),
});

/** What a todo row needs to become a TodoValue (one query for one todo or a whole board). */
export const todoValueInclude = {
  todoList: listInclude,
  createdBy: userSelect,
  assignees: { include: { user: userSelect }, orderBy: { user: { name: "asc" } } },
  tags: { include: { tag: true }, orderBy: { tag: { title: "asc" } } },
  customValues: { include: { customField: true }, orderBy: { customField: { position: "asc" } } },
} as const;

type TodoRow = Prisma.TodoGetPayload<{ include: typeof todoValueInclude }>;

export function toTodoValue(t: TodoRow): TodoValue {
  return {
    id: t.id,
    title: t.title,
    text: t.text,
    position: t.position,
    startedAt: isoOrNull(t.startedAt),
    duedAt: isoOrNull(t.duedAt),
    done: t.done,
    archived: t.archived,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    createdBy: t.createdBy,
    todoList: listRef(t.todoList),
    assignees: t.assignees.map((a) => a.user),
    tags: t.tags.map(({ tag }) => ({ id: tag.id, title: tag.title, color: tag.color })),
    customFields: t.customValues.map((v) => ({
      customField: { id: v.customField.id, name: v.customField.name, type: v.customField.type },
      value: v.value,
    })),
  };
}

export async function loadTodoValue(tx: Tx, id: string): Promise<TodoValue> {
  return toTodoValue(await tx.todo.findUniqueOrThrow({ where: { id }, include: todoValueInclude }));
}

export async function loadTodoListValue(tx: Tx, id: string): Promise<TodoListValue> {
  const l = await tx.todoList.findUniqueOrThrow({ where: { id }, include: { project: projectInclude } });
  return {
    id: l.id,
    title: l.title,
    position: l.position,
    createdAt: iso(l.createdAt),
    updatedAt: iso(l.updatedAt),
    project: projectRef(l.project),
  };
}

export async function loadChecklistValue(tx: Tx, id: string): Promise<ChecklistValue> {
  const c = await tx.checklist.findUniqueOrThrow({ where: { id }, include: { todo: todoRefSelect } });
  return {
    id: c.id,
    title: c.title,
    position: c.position,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    todo: todoRef(c.todo),
  };
}

export async function loadChecklistItemValue(tx: Tx, id: string): Promise<ChecklistItemValue> {
  const i = await tx.checklistItem.findUniqueOrThrow({
    where: { id },
    include: {
      assignees: { include: { user: userSelect }, orderBy: { user: { name: "asc" } } },
      checklist: { select: { id: true, title: true, todo: todoRefSelect } },
    },
  });
  return {
    id: i.id,
    title: i.title,
    done: i.done,
    duedAt: isoOrNull(i.duedAt),
    position: i.position,
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
    assignees: i.assignees.map((a) => a.user),
    checklist: { id: i.checklist.id, title: i.checklist.title, todo: todoRef(i.checklist.todo) },
  };
}

export async function loadCommentValue(tx: Tx, id: string): Promise<CommentValue> {
  const c = await tx.comment.findUniqueOrThrow({ where: { id }, include: { author: userSelect, todo: todoRefSelect } });
  return {
    id: c.id,
    text: c.text,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    author: c.author,
    todo: todoRef(c.todo),
  };
}

export async function loadTagValue(tx: Tx, id: string): Promise<TagValue> {
  const t = await tx.tag.findUniqueOrThrow({ where: { id }, include: { project: projectInclude } });
  return {
    id: t.id,
    title: t.title,
    color: t.color,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    project: projectRef(t.project),
  };
}

export async function loadCustomFieldValue(tx: Tx, id: string): Promise<CustomFieldValue> {
  const f = await tx.customField.findUniqueOrThrow({ where: { id }, include: { project: projectInclude } });
  return {
    id: f.id,
    name: f.name,
    type: f.type,
    description: f.description,
    options: f.options as CustomFieldValue["options"],
    currency: f.currency,
    position: f.position,
    createdAt: iso(f.createdAt),
    updatedAt: iso(f.updatedAt),
    project: projectRef(f.project),
  };
}
