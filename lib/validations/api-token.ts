// API token schemas: create input, list item (never the token), and the create response (token once).
import { z } from "zod";

export const MAX_API_TOKENS_PER_USER = 50;

export const createApiTokenSchema = z.strictObject({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  expiresInDays: z
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(3650, "must be at most 3650 days")
    .nullish(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

const isoDate = z.date().transform((d) => d.toISOString());

export const apiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
  expiresAt: isoDate.nullable(),
});
export type ApiTokenView = z.output<typeof apiTokenResponse>;

export const apiTokenListResponse = z.object({ data: z.array(apiTokenResponse) });

export const createdApiTokenResponse = apiTokenResponse.extend({
  token: z.string().describe("The token itself. Shown only in this response; store it now."),
});
