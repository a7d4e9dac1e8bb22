// Session schemas: the list the settings page and API clients read (never the cookie itself).
import { z } from "zod";

const isoDate = z.date().transform((d) => d.toISOString());

export const sessionResponse = z.object({
  id: z.string(),
  current: z.boolean().describe("The session this request was made with."),
  device: z.object({ browser: z.string().nullable(), os: z.string().nullable() }),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  createdAt: isoDate,
  lastSeenAt: isoDate.describe("Updated at most once a minute."),
  expiresAt: isoDate,
});
export type SessionView = z.output<typeof sessionResponse>;

export const sessionListResponse = z.object({ data: z.array(sessionResponse) });
