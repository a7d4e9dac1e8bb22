// Invitation schemas: the invite form's input, the invitation as its company and its addressee
// see it, and the preview anyone holding the link may read.
import { z } from "zod";
import { idSchema } from "./common";
import { companyRoleSchema } from "./company";
import { roleSchema } from "./project";
import { emailSchema } from "./user";

export const MAX_INVITED_PROJECTS = 100;

export const createInvitationSchema = z.strictObject({
  email: emailSchema,
  role: companyRoleSchema,
  projects: z
    .array(z.strictObject({ projectId: idSchema, role: roleSchema }), {
      error: "must be a list of { projectId, role }",
    })
    .max(MAX_INVITED_PROJECTS, `must list at most ${MAX_INVITED_PROJECTS} projects`)
    .refine((list) => new Set(list.map((p) => p.projectId)).size === list.length, "must name each project once")
    .default([]),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationStatusSchema = z.enum(["PENDING", "ACCEPTED", "DECLINED", "REVOKED", "EXPIRED"]);
export type InvitationStatusView = z.infer<typeof invitationStatusSchema>;

const isoDate = z.date().transform((d) => d.toISOString());

export const invitationView = z.object({
  id: z.string(),
  email: z.string(),
  role: companyRoleSchema,
  company: z.object({ id: z.string(), name: z.string() }),
  projects: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
  status: invitationStatusSchema,
  expiresAt: isoDate,
  invitedBy: z.object({ id: z.string(), name: z.string() }),
  url: z.string().describe("The invitation link (it carries the token: share it only with the addressee)"),
  createdAt: isoDate,
});
export type InvitationView = z.input<typeof invitationView>;

export const invitationResponse = z.object({ data: invitationView });
export const invitationListResponse = z.object({ data: z.array(invitationView) });

export const invitationPreviewResponse = z.object({
  data: z.object({
    company: z.object({ name: z.string() }),
    invitedBy: z.object({ name: z.string() }),
    email: z.string(),
    projects: z.array(z.object({ name: z.string() })),
    status: invitationStatusSchema,
    expiresAt: isoDate,
  }),
});

/** What accepting or declining leaves: the company, the projects you are now in (none on decline), the status. */
export const invitationAnswerResponse = z.object({
  data: z.object({
    company: z.object({ id: z.string(), name: z.string() }),
    projects: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
    status: invitationStatusSchema,
  }),
});
