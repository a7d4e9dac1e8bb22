// People schemas: company and project members, and the input that adds them or changes their role.
import { z } from "zod";
import { idSchema } from "./common";
import { companyRoleSchema } from "./company";
import { roleSchema } from "./project";

const isoDate = z.date().transform((d) => d.toISOString());
const person = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const companyRoleInput = z.strictObject({ role: companyRoleSchema });
export type CompanyRoleInput = z.infer<typeof companyRoleInput>;

export const projectRoleInput = z.strictObject({ role: roleSchema });
export type ProjectRoleInput = z.infer<typeof projectRoleInput>;

export const addProjectMemberSchema = z.strictObject({ userId: idSchema, role: roleSchema });
export type AddProjectMemberInput = z.infer<typeof addProjectMemberSchema>;

export const companyMemberView = z.object({
  user: person,
  role: companyRoleSchema,
  projects: z
    .array(z.object({ id: z.string(), name: z.string(), role: roleSchema }))
    .describe("The member's projects in this company"),
  joinedAt: isoDate,
});
export type CompanyMemberView = z.input<typeof companyMemberView>;

export const companyMemberResponse = z.object({ data: companyMemberView });
export const companyMemberListResponse = z.object({ data: z.array(companyMemberView) });

export const projectMemberView = z.object({ user: person, role: roleSchema, joinedAt: isoDate });
export type ProjectMemberView = z.input<typeof projectMemberView>;

export const projectMemberResponse = z.object({ data: projectMemberView });
export const projectMemberListResponse = z.object({ data: z.array(projectMemberView) });
