// Project schemas: the caller's projects grouped by company, for pickers and the workspace.
import { z } from "zod";

export const roleSchema = z.enum(["OWNER", "ADMIN", "MEMBER", "CLIENT", "COMMENT_ONLY", "VIEW_ONLY"]);

export const projectGroupsResponse = z.object({
  data: z.array(
    z.object({
      company: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
      projects: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), role: roleSchema })),
    }),
  ),
});
export type ProjectGroups = z.output<typeof projectGroupsResponse>["data"];
