"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { apiTokenKeys } from "@/lib/client/query-keys";
import type { ApiTokenView, CreateApiTokenInput, createdApiTokenResponse } from "@/lib/validations/api-token";

export type CreatedApiToken = z.output<typeof createdApiTokenResponse>;

/** The caller's API tokens (never the tokens themselves, only their prefixes). */
export function useApiTokens() {
  return useQuery({
    queryKey: apiTokenKeys.list(),
    queryFn: () => apiFetch<{ data: ApiTokenView[] }>("/api/v1/api-tokens").then((r) => r.data),
  });
}

/** Create a token: `onCreated` gets the token (shown only this once) before the list is refetched. */
export function useCreateApiToken({
  onCreated,
  onError,
}: {
  onCreated: (token: CreatedApiToken) => void;
  onError: (error: Error) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: CreateApiTokenInput) => apiFetch<CreatedApiToken>("/api/v1/api-tokens", { body: values }),
    onSuccess: (token) => {
      onCreated(token);
      return queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    },
    onError,
  });
}

/** Revoke a token: requests carrying it are refused from now on. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/v1/api-tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}
