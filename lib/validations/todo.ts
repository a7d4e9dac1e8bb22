import { z } from "zod";
import {
  dateTimeSchema,
  idSchema,
  NON_EMPTY_MESSAGE,
  nonEmpty,
  positionSchema,
  titleSchema,
  userIdsSchema,
} from "./common";

const textSchema = z.string({ error: "must be text" }).max(50_000, "must be at most 50000 characters");
const tagIdsSchema = z
  .array(idSchema, { error: "must be a list of tag ids" })
  .max(50, "must list at most 50 tags")
  .transform((ids) => [...new Set(ids)]);

export const createTodoSchema = z.strictObject({
  todoListId: idSchema,
  title: titleSchema(500),
  text: textSchema.optional(),
  startedAt: dateTimeSchema.nullish(),
  duedAt: dateTimeSchema.nullish(),
  assigneeIds: userIdsSchema.optional(),
  tagIds: tagIdsSchema.optional(),
  position: positionSchema.optional(),
});
export type CreateTodoInput = z.infer<typeof createTodoSchema>;

export const updateTodoSchema = z
  .strictObject({
    title: titleSchema(500),
    text: textSchema,
    startedAt: dateTimeSchema.nullable(),
    duedAt: dateTimeSchema.nullable(),
    done: z.boolean({ error: "must be true or false" }),
    archived: z.boolean({ error: "must be true or false" }),
    assigneeIds: userIdsSchema,
    tagIds: tagIdsSchema,
    position: positionSchema,
  })
  .partial()
  .refine(nonEmpty, NON_EMPTY_MESSAGE);
export type UpdateTodoInput = z.infer<typeof updateTodoSchema>;

export const moveTodoSchema = z.strictObject({ todoListId: idSchema, position: positionSchema.optional() });
export type MoveTodoInput = z.infer<typeof moveTodoSchema>;

export const setCustomFieldValueSchema = z.strictObject({ value: z.unknown() });
