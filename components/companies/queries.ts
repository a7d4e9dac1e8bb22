"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { CompanyMemberView, CompanyProjectView, CompanyView, InvitationView } from "@/lib/client/people-types";
import { companyKeys, invitationKeys, projectKeys } from "@/lib/client/query-keys";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";

const data = <T>(path: string) => apiFetch<{ data: T }>(path).then((r) => r.data);

export function useCompanies() {
  return useQuery({ queryKey: companyKeys.list(), queryFn: () => data<CompanyView[]>("/api/v1/companies") });
}

export function useCompany(companyId: string) {
  return useQuery({
    queryKey: companyKeys.detail(companyId),
    queryFn: () => data<CompanyView>(`/api/v1/companies/${companyId}`),
  });
}

export function useCompanyProjects(companyId: string) {
  return useQuery({
    queryKey: companyKeys.projects(companyId),
    queryFn: () => data<CompanyProjectView[]>(`/api/v1/companies/${companyId}/projects`),
  });
}

export function useCompanyMembers(companyId: string) {
  return useQuery({
    queryKey: companyKeys.members(companyId),
    queryFn: () => data<CompanyMemberView[]>(`/api/v1/companies/${companyId}/members`),
  });
}

export function useCompanyInvitations(companyId: string, enabled = true) {
  return useQuery({
    queryKey: companyKeys.invitations(companyId),
    queryFn: () => data<InvitationView[]>(`/api/v1/companies/${companyId}/invitations`),
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

type PeopleAction = { path: string; method?: string; body?: unknown; success?: string; onDone?: () => void };

/**
 * One call that changes companies, projects or people: a toast on failure (or success if given),
 * `onDone` on success, then a refetch. `onDone` runs here rather than as a callback of `mutate`,
 * which is dropped when the refetch unmounts the caller (a deleted company, a company left).
 */
export function usePeopleAction() {
  const invalidate = useInvalidatePeople();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  return useMutation({
    mutationFn: ({ path, method, body }: PeopleAction) => apiFetch<unknown>(path, { method, body }),
    onSuccess: (_result, { success, onDone }) => {
      if (success) toast("success", success);
      onDone?.();
    },
    onError: (error) => toast("error", errorMessage(error)),
    onSettled: () => invalidate(),
  });
}
