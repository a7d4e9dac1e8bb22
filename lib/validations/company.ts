// Company schemas: create and rename input, and the company as the API shows it to a member.
import { z } from "zod";
import { titleSchema } from "./common";

/** Blue's company roles: the project roles' top three. */
export const companyRoleSchema = z.enum(["OWNER", "ADMIN", "MEMBER"], { error: "must be OWNER, ADMIN or MEMBER" });
export type CompanyRole = z.infer<typeof companyRoleSchema>;

export const companyNameSchema = z.strictObject({ name: titleSchema(100) });
export type CompanyNameInput = z.infer<typeof companyNameSchema>;

const isoDate = z.date().transform((d) => d.toISOString());

export const companyView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: companyRoleSchema.describe("Your role in the company"),
  memberCount: z.number().int(),
  projectCount: z.number().int(),
  createdAt: isoDate,
});
export type CompanyView = z.input<typeof companyView>;

export const companyResponse = z.object({ data: companyView });
export const companyListResponse = z.object({ data: z.array(companyView) });
