// Response schemas of the workspace reads.
import { z } from "zod";
import { customFieldOption, customFieldTypeSchema, todoValue, userRef } from "../events/values";
import { roleSchema } from "./project";

export const boardResponse = z.object({
  project: z.object({
    id: z.string(),
    name: z.string(),
    company: z.object({ id: z.string(), name: z.string() }),
    role: roleSchema,
  }),
  lists: z.array(z.object({ id: z.string(), title: z.string(), position: z.number(), todos: z.array(todoValue) })),
  members: z.array(userRef.extend({ role: roleSchema })),
  tags: z.array(z.object({ id: z.string(), title: z.string(), color: z.string() })),
  customFields: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: customFieldTypeSchema,
      options: z.array(customFieldOption),
      currency: z.string().nullable(),
    }),
  ),
});
export type Board = z.output<typeof boardResponse>;

export const todoDetailResponse = z.object({
  todo: todoValue,
  checklists: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      position: z.number(),
      items: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          done: z.boolean(),
          duedAt: z.string().nullable(),
          position: z.number(),
          assignees: z.array(userRef),
        }),
      ),
    }),
  ),
  comments: z.array(
    z.object({ id: z.string(), text: z.string(), author: userRef, createdAt: z.string(), updatedAt: z.string() }),
  ),
});
export type TodoDetail = z.output<typeof todoDetailResponse>;
