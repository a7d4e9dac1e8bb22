// The shapes of previousValue / currentValue in event payloads: each entity with its relations
// expanded the way Blue does (a record carries its list → project → company).
import { z } from "zod";

const id = z.string();
const isoDate = z.iso.datetime({ offset: true });
const nullableDate = isoDate.nullable();

export const companyRef = z.object({ id, name: z.string() });
export const projectRef = z.object({ id, name: z.string(), company: companyRef });
export const todoListRef = z.object({ id, title: z.string(), project: projectRef });
export const userRef = z.object({ id, name: z.string(), email: z.string() });
export const tagRef = z.object({ id, title: z.string(), color: z.string() });

export const customFieldTypeSchema = z.enum([
  "TEXT_SINGLE",
  "TEXT_MULTI",
  "NUMBER",
  "CURRENCY",
  "PERCENT",
  "CHECKBOX",
  "SELECT_SINGLE",
  "SELECT_MULTI",
  "DATE",
  "URL",
  "EMAIL",
  "RATING",
]);
export const customFieldOption = z.object({ id, title: z.string(), color: z.string().nullable() });

export const todoListValue = z.object({
  id,
  title: z.string(),
  position: z.number(),
  createdAt: isoDate,
  updatedAt: isoDate,
  project: projectRef,
});

export const todoValue = z.object({
  id,
  title: z.string(),
  text: z.string(),
  position: z.number(),
  startedAt: nullableDate,
  duedAt: nullableDate,
  done: z.boolean(),
  archived: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
  createdBy: userRef,
  todoList: todoListRef,
  assignees: z.array(userRef),
  tags: z.array(tagRef),
  customFields: z.array(
    z.object({
      customField: z.object({ id, name: z.string(), type: customFieldTypeSchema }),
      value: z.unknown(),
    }),
  ),
});

export const todoRef = z.object({ id, title: z.string(), todoList: todoListRef });

export const checklistValue = z.object({
  id,
  title: z.string(),
  position: z.number(),
  createdAt: isoDate,
  updatedAt: isoDate,
  todo: todoRef,
});

export const checklistItemValue = z.object({
  id,
  title: z.string(),
  done: z.boolean(),
  duedAt: nullableDate,
  position: z.number(),
  createdAt: isoDate,
  updatedAt: isoDate,
  assignees: z.array(userRef),
  checklist: z.object({ id, title: z.string(), todo: todoRef }),
});

export const commentValue = z.object({
  id,
  text: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  author: userRef,
  todo: todoRef,
});

export const tagValue = tagRef.extend({ createdAt: isoDate, updatedAt: isoDate, project: projectRef });

export const customFieldValue = z.object({
  id,
  name: z.string(),
  type: customFieldTypeSchema,
  description: z.string(),
  options: z.array(customFieldOption),
  currency: z.string().nullable(),
  position: z.number(),
  createdAt: isoDate,
  updatedAt: isoDate,
  project: projectRef,
});

export const roleValue = z.enum(["OWNER", "ADMIN", "MEMBER", "CLIENT", "COMMENT_ONLY", "VIEW_ONLY"]);

export const projectValue = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  archivedAt: nullableDate.describe("Set while the project is archived (read-only)"),
  createdAt: isoDate,
  updatedAt: isoDate,
  company: companyRef,
});

export const projectMemberValue = z.object({ user: userRef, role: roleValue, project: projectRef });

export type TodoValue = z.infer<typeof todoValue>;
export type TodoListValue = z.infer<typeof todoListValue>;
export type ChecklistValue = z.infer<typeof checklistValue>;
export type ChecklistItemValue = z.infer<typeof checklistItemValue>;
export type CommentValue = z.infer<typeof commentValue>;
export type TagValue = z.infer<typeof tagValue>;
export type CustomFieldValue = z.infer<typeof customFieldValue>;
export type ProjectValue = z.infer<typeof projectValue>;
export type ProjectMemberValue = z.infer<typeof projectMemberValue>;
