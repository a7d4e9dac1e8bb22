"use client";

// The browser's typed hooks for companies, their projects, their people and the invitations they
// send: each read and each change has one hook, which knows the route, the body's type and the
// cache keys the change makes stale.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type {
  CompanyMemberView,
  CompanyProjectView,
  CompanyRole,
  CompanyView,
  InvitationView,
  ProjectRole,
} from "@/lib/client/people-types";
import { companyKeys, invitationKeys, projectKeys } from "@/lib/client/query-keys";
import type { CompanyNameInput } from "@/lib/validations/company";
import type { CreateInvitationInput } from "@/lib/validations/invitation";
import type { CreateProjectInput } from "@/lib/validations/project";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";

const data = <T>(path: string) => apiFetch<{ data: T }>(path).then((r) => r.data);
const created = <T>(path: string, body: unknown) => apiFetch<{ data: T }>(path, { body }).then((r) => r.data);

const companyPath = (companyId: string, rest = "") => `/api/v1/companies/${encodeURIComponent(companyId)}${rest}`;
const projectPath = (projectId: string, rest = "") => `/api/v1/projects/${encodeURIComponent(projectId)}${rest}`;
const invitationPath = (invitationId: string, rest = "") =>
  `/api/v1/invitations/${encodeURIComponent(invitationId)}${rest}`;

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
 * A change sent from a form, which shows its progress and a refusal under its fields itself: a
 * plain call that answers once companies, projects and invitations have been read again.
 */
function useFormChange<V, T>(request: (input: V) => Promise<T>) {
  const invalidate = useInvalidatePeople();
  return async (input: V) => {
    const result = await request(input);
    await invalidate();
    return result;
  };
}

/** Creates a company (the caller becomes its owner) and answers with it. */
export function useCreateCompany() {
  return useFormChange((input: CompanyNameInput) => created<CompanyView>("/api/v1/companies", input));
}

export function useRenameCompany() {
  return useFormChange(({ companyId, name }: { companyId: string } & CompanyNameInput) =>
    apiFetch<void>(companyPath(companyId), { method: "PATCH", body: { name } }),
  );
}

/** Creates a project in a company (the caller becomes its owner) and answers with it. */
export function useCreateProject() {
  return useFormChange(({ companyId, name }: { companyId: string } & CreateProjectInput) =>
    created<CompanyProjectView>(companyPath(companyId, "/projects"), { name }),
  );
}

export function useRenameProject() {
  return useFormChange(({ projectId, name }: { projectId: string } & CreateProjectInput) =>
    apiFetch<void>(projectPath(projectId), { method: "PATCH", body: { name } }),
  );
}

/** Invites someone by e-mail to a company, and to some of its projects. */
export function useInvite() {
  return useFormChange(({ companyId, ...invitation }: { companyId: string } & CreateInvitationInput) =>
    apiFetch<void>(companyPath(companyId, "/invitations"), { body: invitation }),
  );
}

/** What the caller shows once a change is made: a toast, and what to do before the refetch. */
type Feedback = { success?: string; onDone?: () => void };

/**
 * A change sent from a button or a dialog: a toast on failure (or on success if given), `onDone`
 * on success, then a refetch. `onDone` runs here rather than as a callback of `mutate`, which is
 * dropped when the refetch unmounts the caller (a deleted company, a company left).
 */
function useButtonChange<V>(request: (input: V) => Promise<unknown>) {
  const invalidate = useInvalidatePeople();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  return useMutation({
    mutationFn: (input: V & Feedback) => request(input),
    onSuccess: (_result, { success, onDone }) => {
      if (success) toast("success", success);
      onDone?.();
    },
    onError: (error) => toast("error", errorMessage(error)),
    onSettled: () => invalidate(),
  });
}

type CompanyMember = { companyId: string; userId: string };
type ProjectMember = { projectId: string; userId: string };

/** Deletes a company with its projects (its owner only). */
export function useDeleteCompany() {
  return useButtonChange(({ companyId }: { companyId: string }) =>
    apiFetch<void>(companyPath(companyId), { method: "DELETE" }),
  );
}

export function useChangeCompanyRole() {
  return useButtonChange(({ companyId, userId, role }: CompanyMember & { role: CompanyRole }) =>
    apiFetch<void>(companyPath(companyId, `/members/${encodeURIComponent(userId)}`), {
      method: "PATCH",
      body: { role },
    }),
  );
}

/** Removes someone from a company and its projects; the caller leaves it when it is them. */
export function useRemoveCompanyMember() {
  return useButtonChange(({ companyId, userId }: CompanyMember) =>
    apiFetch<void>(companyPath(companyId, `/members/${encodeURIComponent(userId)}`), { method: "DELETE" }),
  );
}

/** Archives a project (read-only until restored) or restores it. */
export function useSetProjectArchived() {
  return useButtonChange(({ projectId, archived }: { projectId: string; archived: boolean }) =>
    apiFetch<void>(projectPath(projectId), { method: "PATCH", body: { archived } }),
  );
}

export function useDeleteProject() {
  return useButtonChange(({ projectId }: { projectId: string }) =>
    apiFetch<void>(projectPath(projectId), { method: "DELETE" }),
  );
}

/** Adds a member of the company to one of its projects. */
export function useAddProjectMember() {
  return useButtonChange(({ projectId, userId, role }: ProjectMember & { role: ProjectRole }) =>
    apiFetch<void>(projectPath(projectId, "/members"), { body: { userId, role } }),
  );
}

export function useChangeProjectRole() {
  return useButtonChange(({ projectId, userId, role }: ProjectMember & { role: ProjectRole }) =>
    apiFetch<void>(projectPath(projectId, `/members/${encodeURIComponent(userId)}`), {
      method: "PATCH",
      body: { role },
    }),
  );
}

/** Removes someone from a project; the caller leaves it when it is them. */
export function useRemoveProjectMember() {
  return useButtonChange(({ projectId, userId }: ProjectMember) =>
    apiFetch<void>(projectPath(projectId, `/members/${encodeURIComponent(userId)}`), { method: "DELETE" }),
  );
}

/** Sends an open or expired invitation again: a new link, expiry and e-mail; the old link stops working. */
export function useResendInvitation() {
  return useButtonChange(({ invitationId }: { invitationId: string }) =>
    apiFetch<void>(invitationPath(invitationId, "/resend"), { method: "POST" }),
  );
}

export function useRevokeInvitation() {
  return useButtonChange(({ invitationId }: { invitationId: string }) =>
    apiFetch<void>(invitationPath(invitationId), { method: "DELETE" }),
  );
}
