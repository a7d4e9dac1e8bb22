// The companies, projects, people, invitations and notices routes' responses as the browser reads
// them (the API's own schemas, dates as ISO strings).
import type { z } from "zod";
import { companyRoleSchema, type companyView } from "../validations/company";
import type { invitationPreviewResponse, invitationStatusSchema, invitationView } from "../validations/invitation";
import type { noticeView } from "../validations/notice";
import type { companyMemberView, projectMemberView } from "../validations/people";
import { type projectView, roleSchema } from "../validations/project";
import type { accessIssueResponse } from "../validations/webhook";

export type CompanyRole = z.output<typeof companyRoleSchema>;
export type ProjectRole = z.output<typeof roleSchema>;
export const COMPANY_ROLES = companyRoleSchema.options;
export const PROJECT_ROLES = roleSchema.options;

export type CompanyView = z.output<typeof companyView>;
export type CompanyProjectView = z.output<typeof projectView>;
export type CompanyMemberView = z.output<typeof companyMemberView>;
export type ProjectMemberView = z.output<typeof projectMemberView>;
export type InvitationStatus = z.output<typeof invitationStatusSchema>;
export type InvitationView = z.output<typeof invitationView>;
export type InviteLinkView = z.output<typeof invitationPreviewResponse>["data"];
export type NoticeView = z.output<typeof noticeView>;
export type AccessIssue = z.output<typeof accessIssueResponse>;
