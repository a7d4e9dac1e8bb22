// Project schemas: the caller's projects grouped by company (pickers, the workspace), a company's
// projects, and create / change input.
import { z } from "zod";
import { NON_EMPTY_MESSAGE, nonEmpty, titleSchema } from "./common";

export const roleSchema = z.enum(["OWNER", "ADMIN", "MEMBER", "CLIENT", "COMMENT_ONLY", "VIEW_ONLY"], {
  error: "must be OWNER, ADMIN, MEMBER, CLIENT, COMMENT_ONLY or VIEW_ONLY",
});

const isoDate = z.date().transform((d) => d.toISOString());

export const projectGroupsResponse = z.object({
  data: z.array(
    z.object({
      company: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
      projects: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          slug: z.string(),
          role: roleSchema,
          archivedAt: isoDate.nullable().describe("Set while archived: read-only, left out of pickers by default"),
        }),
      ),
    }),
  ),
});
export type ProjectGroups = z.input<typeof projectGroupsResponse>["data"];

export const createProjectSchema = z.strictObject({ name: titleSchema(100) });
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .strictObject({
    name: titleSchema(100).optional(),
    archived: z.boolean({ error: "must be true or false" }).optional(),
  })
  .refine(nonEmpty, NON_EMPTY_MESSAGE);
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const projectView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  companyId: z.string(),
  company: z.object({ id: z.string(), name: z.string() }),
  archivedAt: isoDate.nullable().describe("Set while archived: read-only (people can still be managed)"),
  recordCount: z.number().int().describe("Records that a delete takes with it"),
  role: roleSchema.nullable().describe("Your role in the project; null when you manage it as a company owner or admin"),
  memberCount: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type ProjectView = z.input<typeof projectView>;

export const projectResponse = z.object({ data: projectView });
export const projectListResponse = z.object({ data: z.array(projectView) });
