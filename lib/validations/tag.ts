import { z } from "zod";
import { colorSchema, NON_EMPTY_MESSAGE, nonEmpty, titleSchema } from "./common";

export const createTagSchema = z.strictObject({ title: titleSchema(100), color: colorSchema });
export type CreateTagInput = z.infer<typeof createTagSchema>;
export const updateTagSchema = createTagSchema.partial().refine(nonEmpty, NON_EMPTY_MESSAGE);
export type UpdateTagInput = z.infer<typeof updateTagSchema>;
