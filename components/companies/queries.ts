"use client";

// The browser's typed hooks for companies, their projects, their people and the invitations they
// send: each read and each change has one hook, which knows the route, the body's and the answer's
// types and the cache keys the change makes stale. Callers pass what they show (a toast, closing a
// dialog, the next step) as the hook's own callbacks, which still run when the change unmounts
// them (a deleted company, a company left, the first-run step that is done).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type {
  CompanyMemberView,
  CompanyProjectView,
  CompanyView,
  InvitationView,
  ProjectMemberView,
} from "@/lib/client/people-types";
import { companyKeys, invitationKeys, projectKeys } from "@/lib/client/query-keys";
import type { CompanyNameInput } from "@/lib/validations/company";
import type { CreateInvitationInput } from "@/lib/validations/invitation";
import type { AddProjectMemberInput, CompanyRoleInput, ProjectRoleInput } from "@/lib/validations/people";
import type { CreateProjectInput } from "@/lib/validations/project";

/** What the caller shows once a change is answered. */
type Callbacks<T, V> = { onSuccess?: (result: T, variables: V) => unknown; onError?: (error: Error) => unknown };

const companyPath = (companyId: string, rest = "") => `/api/v1/companies/${encodeURIComponent(companyId)}${rest}`;
const projectPath = (projectId: string, rest = "") => `/api/v1/projects/${encodeURIComponent(projectId)}${rest}`;
const invitationPath = (invitationId: string, rest = "") =>
  `/api/v1/invitations/${encodeURIComponent(invitationId)}${rest}`;
const companyMemberPath = ({ companyId, userId }: CompanyMember) =>
  companyPath(companyId, `/members/${encodeURIComponent(userId)}`);
const projectMemberPath = ({ projectId, userId }: ProjectMember) =>
  projectPath(projectId, `/members/${encodeURIComponent(userId)}`);

const data = <T>(path: string) => apiFetch<{ data: T }>(path).then((r) => r.data);
const send = <T>(path: string, init: { method?: string; body?: unknown }) =>
  apiFetch<{ data: T }>(path, init).then((r) => r.data);

export function useCompanies() {
  return useQuery({ queryKey: companyKeys.list(), queryFn: () => data<CompanyView[]>("/api/v1/companies") });
}

export function useCompany(companyId: string) {
  return useQuery({
    queryKey: companyKeys.detail(companyId),
    queryFn: () => data<CompanyView>(companyPath(companyId)),
  });
}

export function useCompanyProjects(companyId: string) {
  return useQuery({
    queryKey: companyKeys.projects(companyId),
    queryFn: () => data<CompanyProjectView[]>(companyPath(companyId, "/projects")),
  });
}

export function useCompanyMembers(companyId: string) {
  return useQuery({
    queryKey: companyKeys.members(companyId),
    queryFn: () => data<CompanyMemberView[]>(companyPath(companyId, "/members")),
  });
}

export function useCompanyInvitations(companyId: string, enabled = true) {
  return useQuery({
    queryKey: companyKeys.invitations(companyId),
    queryFn: () => data<InvitationView[]>(companyPath(companyId, "/invitations")),
    enabled,
  });
}

export function useMyInvitations() {
  return useQuery({ queryKey: invitationKeys.mine(), queryFn: () => data<InvitationView[]>("/api/v1/invitations") });
}

/**
 * After any change to companies, projects or people: companies (counts, members, invitations),
 * the caller's project groups (projects page, webhook project picker) and pending invitations.
 */
export function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: companyKeys.all }),
      queryClient.invalidateQueries({ queryKey: projectKeys.all }),
      queryClient.invalidateQueries({ queryKey: invitationKeys.all }),
    ]);
}

export const canManage = (role: string | null | undefined) => role === "OWNER" || role === "ADMIN";

/**
 * One change to companies, projects or people: the caller's `onSuccess` first (it may leave the
 * page or close a dialog before the refetch removes what it showed), then everything they appear in
 * is read again. `mutateAsync` answers after both, so a form is done once the lists show the change.
 */
function usePeopleChange<V, T>(request: (variables: V) => Promise<T>, { onSuccess, onError }: Callbacks<T, V>) {
  const invalidate = useInvalidatePeople();
  return useMutation({ mutationFn: request, onSuccess, onError, onSettled: () => invalidate() });
}

type CompanyMember = { companyId: string; userId: string };
type ProjectMember = { projectId: string; userId: string };

/** Creates a company; the caller becomes its OWNER. */
export function useCreateCompany(callbacks: Callbacks<CompanyView, CompanyNameInput> = {}) {
  return usePeopleChange((body: CompanyNameInput) => send<CompanyView>("/api/v1/companies", { body }), callbacks);
}

export function useRenameCompany(companyId: string, callbacks: Callbacks<CompanyView, CompanyNameInput> = {}) {
  return usePeopleChange(
    (body: CompanyNameInput) => send<CompanyView>(companyPath(companyId), { method: "PATCH", body }),
    callbacks,
  );
}

/** Deletes a company with its projects (its OWNER only). */
export function useDeleteCompany(companyId: string, callbacks: Callbacks<void, void> = {}) {
  return usePeopleChange(() => apiFetch<void>(companyPath(companyId), { method: "DELETE" }), callbacks);
}

export function useChangeCompanyRole(callbacks: Callbacks<CompanyMemberView, CompanyMember & CompanyRoleInput> = {}) {
  return usePeopleChange(
    ({ role, ...member }: CompanyMember & CompanyRoleInput) =>
      send<CompanyMemberView>(companyMemberPath(member), { method: "PATCH", body: { role } }),
    callbacks,
  );
}

/** Removes someone from a company and its projects; the caller leaves it when it is them. */
export function useRemoveCompanyMember(callbacks: Callbacks<void, CompanyMember> = {}) {
  return usePeopleChange(
    (member: CompanyMember) => apiFetch<void>(companyMemberPath(member), { method: "DELETE" }),
    callbacks,
  );
}

/** Creates a project in a company; the caller becomes its OWNER. */
export function useCreateProject(companyId: string, callbacks: Callbacks<CompanyProjectView, CreateProjectInput> = {}) {
  return usePeopleChange(
    (body: CreateProjectInput) => send<CompanyProjectView>(companyPath(companyId, "/projects"), { body }),
    callbacks,
  );
}

export function useRenameProject(projectId: string, callbacks: Callbacks<CompanyProjectView, CreateProjectInput> = {}) {
  return usePeopleChange(
    (body: CreateProjectInput) => send<CompanyProjectView>(projectPath(projectId), { method: "PATCH", body }),
    callbacks,
  );
}

/** Archives a project (read-only until restored) or restores it. */
export function useSetProjectArchived(projectId: string, callbacks: Callbacks<CompanyProjectView, boolean> = {}) {
  return usePeopleChange(
    (archived: boolean) => send<CompanyProjectView>(projectPath(projectId), { method: "PATCH", body: { archived } }),
    callbacks,
  );
}

/** Deletes a project with its records. */
export function useDeleteProject(projectId: string, callbacks: Callbacks<void, void> = {}) {
  return usePeopleChange(() => apiFetch<void>(projectPath(projectId), { method: "DELETE" }), callbacks);
}

/** Adds a member of the company to one of its projects. */
export function useAddProjectMember(
  callbacks: Callbacks<ProjectMemberView, { projectId: string } & AddProjectMemberInput> = {},
) {
  return usePeopleChange(
    ({ projectId, ...body }: { projectId: string } & AddProjectMemberInput) =>
      send<ProjectMemberView>(projectPath(projectId, "/members"), { body }),
    callbacks,
  );
}

export function useChangeProjectRole(callbacks: Callbacks<ProjectMemberView, ProjectMember & ProjectRoleInput> = {}) {
  return usePeopleChange(
    ({ role, ...member }: ProjectMember & ProjectRoleInput) =>
      send<ProjectMemberView>(projectMemberPath(member), { method: "PATCH", body: { role } }),
    callbacks,
  );
}

/** Removes someone from a project; the caller leaves it when it is them. */
export function useRemoveProjectMember(callbacks: Callbacks<void, ProjectMember> = {}) {
  return usePeopleChange(
    (member: ProjectMember) => apiFetch<void>(projectMemberPath(member), { method: "DELETE" }),
    callbacks,
  );
}

/** Invites someone by e-mail into a company and some of its projects; the answer carries the link. */
export function useInvite(companyId: string, callbacks: Callbacks<InvitationView, CreateInvitationInput> = {}) {
  return usePeopleChange(
    (body: CreateInvitationInput) => send<InvitationView>(companyPath(companyId, "/invitations"), { body }),
    callbacks,
  );
}

/** Sends an open or expired invitation again: a new link, expiry and e-mail; the old link stops working. */
export function useResendInvitation(invitationId: string, callbacks: Callbacks<InvitationView, void> = {}) {
  return usePeopleChange(
    () => send<InvitationView>(invitationPath(invitationId, "/resend"), { method: "POST" }),
    callbacks,
  );
}

/** Revokes an open invitation: its link stops working. */
export function useRevokeInvitation(invitationId: string, callbacks: Callbacks<void, void> = {}) {
  return usePeopleChange(() => apiFetch<void>(invitationPath(invitationId), { method: "DELETE" }), callbacks);
}
