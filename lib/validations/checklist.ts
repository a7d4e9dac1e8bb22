import { z } from "zod";
import { dateTimeSchema, NON_EMPTY_MESSAGE, nonEmpty, positionSchema, titleSchema, userIdsSchema } from "./common";

export const createChecklistSchema = z.strictObject({ title: titleSchema(200), position: positionSchema.optional() });
export const updateChecklistSchema = createChecklistSchema.partial().refine(nonEmpty, NON_EMPTY_MESSAGE);

export const createChecklistItemSchema = z.strictObject({
  title: titleSchema(500),
  duedAt: dateTimeSchema.nullish(),
  assigneeIds: userIdsSchema.optional(),
  position: positionSchema.optional(),
});
export type CreateChecklistItemInput = z.infer<typeof createChecklistItemSchema>;

export const updateChecklistItemSchema = z
  .strictObject({
    title: titleSchema(500),
    done: z.boolean({ error: "must be true or false" }),
    duedAt: dateTimeSchema.nullable(),
    assigneeIds: userIdsSchema,
    position: positionSchema,
  })
  .partial()
  .refine(nonEmpty, NON_EMPTY_MESSAGE);
export type UpdateChecklistItemInput = z.infer<typeof updateChecklistItemSchema>;
