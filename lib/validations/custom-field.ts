import { z } from "zod";
import { customFieldTypeSchema } from "../events/values";
import { colorSchema, idSchema, NON_EMPTY_MESSAGE, nonEmpty, titleSchema } from "./common";

const optionSchema = z.strictObject({ id: idSchema.optional(), title: titleSchema(100), color: colorSchema.nullish() });
const optionsSchema = z
  .array(optionSchema, { error: "must be a list of options" })
  .max(100, "must have at most 100 options");

export const createCustomFieldSchema = z
  .strictObject({
    name: titleSchema(100),
    type: customFieldTypeSchema,
    description: z.string({ error: "must be text" }).max(1000, "must be at most 1000 characters").optional(),
    options: optionsSchema.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like EUR")
      .optional(),
  })
  .superRefine((v, ctx) => {
    const select = v.type === "SELECT_SINGLE" || v.type === "SELECT_MULTI";
    if (select && !v.options?.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "a select field needs at least one option" });
    if (!select && v.options?.length)
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "only SELECT_SINGLE and SELECT_MULTI fields have options",
      });
    if (v.currency && v.type !== "CURRENCY")
      ctx.addIssue({ code: "custom", path: ["currency"], message: "only CURRENCY fields have a currency" });
  });
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldSchema>;

export const updateCustomFieldSchema = z
  .strictObject({
    name: titleSchema(100),
    description: z.string({ error: "must be text" }).max(1000, "must be at most 1000 characters"),
    options: optionsSchema,
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like EUR"),
  })
  .partial()
  .refine(nonEmpty, NON_EMPTY_MESSAGE);
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldSchema>;
