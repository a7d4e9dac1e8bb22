// Load an entity as its event value (relations expanded, dates as ISO strings). Used for
// previousValue before a change and currentValue after it, inside the same transaction.

import { ApiError } from "../api/errors";
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
import { Prisma } from "../generated/prisma/client";

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

// A record's value is built by PostgreSQL in one query: Prisma would make one round trip per
// relation (12 for a record), and every mutation of a record loads its value twice.
const isoSql = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

function selectTodoValues(tx: Tx, where: Prisma.Sql): Promise<{ value: TodoValue }[]> {
  return tx.$queryRaw<{ value: TodoValue }[]>`
    SELECT json_build_object(
      'id', t.id, 'title', t.title, 'text', t.text, 'position', t.position,
      'startedAt', ${isoSql("t.started_at")}, 'duedAt', ${isoSql("t.dued_at")},
      'done', t.done, 'archived', t.archived,
      'createdAt', ${isoSql("t.created_at")}, 'updatedAt', ${isoSql("t.updated_at")},
      'createdBy', json_build_object('id', u.id, 'name', u.name, 'email', u.email),
      'todoList', json_build_object('id', l.id, 'title', l.title, 'project',
        json_build_object('id', p.id, 'name', p.name, 'company', json_build_object('id', c.id, 'name', c.name))),
      'assignees', COALESCE((
        SELECT json_agg(json_build_object('id', au.id, 'name', au.name, 'email', au.email) ORDER BY au.name, au.id)
        FROM todo_assignees a JOIN users au ON au.id = a.user_id WHERE a.todo_id = t.id), '[]'),
      'tags', COALESCE((
        SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'color', g.color) ORDER BY g.title, g.id)
        FROM todo_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.todo_id = t.id), '[]'),
      'customFields', COALESCE((
        SELECT json_agg(json_build_object(
          'customField', json_build_object('id', f.id, 'name', f.name, 'type', f.type), 'value', v.value)
          ORDER BY f.position, f.id)
        FROM todo_custom_field_values v JOIN custom_fields f ON f.id = v.custom_field_id WHERE v.todo_id = t.id), '[]')
    ) AS value
    FROM todos t
    JOIN users u ON u.id = t.created_by_id
    JOIN todo_lists l ON l.id = t.todo_list_id
    JOIN projects p ON p.id = l.project_id
    JOIN companies c ON c.id = p.company_id
    WHERE ${where}
    ORDER BY t.position, t.id`;
}

export async function loadTodoValue(tx: Tx, id: string): Promise<TodoValue> {
  const [row] = await selectTodoValues(tx, Prisma.sql`t.id = ${id}`);
  if (!row) throw ApiError.notFound("Record");
  return row.value;
}

/** The records of one list, in board order. */
export async function loadListTodoValues(tx: Tx, todoListId: string): Promise<TodoValue[]> {
  return (await selectTodoValues(tx, Prisma.sql`t.todo_list_id = ${todoListId}`)).map((r) => r.value);
}

/** A project's records that are not archived, in board order. */
export async function loadOpenProjectTodoValues(tx: Tx, projectId: string): Promise<TodoValue[]> {
  return (await selectTodoValues(tx, Prisma.sql`t.project_id = ${projectId} AND NOT t.archived`)).map((r) => r.value);
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
