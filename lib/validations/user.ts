// User schemas: sign-up and sign-in input (form and API), and the public user shape.
import { z } from "zod";
import { LOCALES } from "../../i18n/locales";

export const emailSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be a valid e-mail address" }));

export const passwordSchema = z
  .string({ error: "is required" })
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");

export const signUpSchema = z.strictObject({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string({ error: "is required" }).min(1, "is required").max(200, "must be at most 200 characters"),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const userResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.date().transform((d) => d.toISOString()),
});

export const meResponse = userResponse.extend({
  authenticatedBy: z.enum(["session", "api_token"]),
});

export const localeSchema = z.enum(LOCALES).describe("A language of the app: en, es, pt, it, ru or sv");

// PATCH /me: the person's preferences; `locale: null` follows the browser's language again.
export const updateMeSchema = z.strictObject({ locale: localeSchema.nullable() });
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export const updatedMeResponse = userResponse.extend({ locale: z.string().nullable() });
