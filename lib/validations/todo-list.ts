import { z } from "zod";
import { NON_EMPTY_MESSAGE, nonEmpty, positionSchema, titleSchema } from "./common";

export const createTodoListSchema = z.strictObject({ title: titleSchema(200), position: positionSchema.optional() });
export type CreateTodoListInput = z.infer<typeof createTodoListSchema>;

export const updateTodoListSchema = createTodoListSchema.partial().refine(nonEmpty, NON_EMPTY_MESSAGE);
export type UpdateTodoListInput = z.infer<typeof updateTodoListSchema>;
