// Response shapes of the companies, projects, people, invitations and notices routes, as the
// browser reads them (`{ data }` bodies, dates as ISO strings).
export type CompanyRole = "OWNER" | "ADMIN" | "MEMBER";
export type ProjectRole = "OWNER" | "ADMIN" | "MEMBER" | "CLIENT" | "COMMENT_ONLY" | "VIEW_ONLY";
export const COMPANY_ROLES: readonly CompanyRole[] = ["OWNER", "ADMIN", "MEMBER"];
export const PROJECT_ROLES: readonly ProjectRole[] = [
  "OWNER",
  "ADMIN",
  "MEMBER",
  "CLIENT",
  "COMMENT_ONLY",
  "VIEW_ONLY",
];

export type CompanyView = {
  id: string;
  name: string;
  slug: string;
  role: CompanyRole;
  memberCount: number;
  projectCount: number;
  createdAt: string;
};

export type CompanyProjectView = {
  id: string;
  name: string;
  slug: string;
  companyId: string;
  archivedAt: string | null;
  recordCount: number;
  role: ProjectRole | null;
  memberCount: number;
};

export type CompanyMemberView = {
  user: { id: string; name: string; email: string };
  role: CompanyRole;
  projects: { id: string; name: string; role: ProjectRole }[];
};

export type InvitationStatus = "PENDING" | "ACCEPTED" | "DECLINED" | "REVOKED" | "EXPIRED";

export type InvitationView = {
  id: string;
  email: string;
  role: CompanyRole;
  projects: { id: string; name: string; role: ProjectRole }[];
  status: InvitationStatus;
  expiresAt: string;
  invitedBy: { id: string; name: string };
  url: string;
  company?: { id: string; name: string };
};

export type InviteLinkView = {
  company: { name: string };
  invitedBy: { name: string };
  email: string;
  projects: { name: string; role?: ProjectRole }[];
  status: InvitationStatus;
  expiresAt: string;
};

export type NoticeView = {
  id: string;
  kind: string;
  title: string;
  body: string;
  webhookId: string | null;
  createdAt: string;
  readAt: string | null;
};

export type AccessIssue = {
  projectId: string;
  projectName: string;
  reason: "ACCESS_REVOKED" | "PROJECT_DELETED";
  since: string;
};
