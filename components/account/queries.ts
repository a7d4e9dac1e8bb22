"use client";

// The browser's typed hooks for the signed-in person's own account: sessions, password, language,
// signing out.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { SessionView } from "@/lib/auth/sessions/schema";
import { apiFetch } from "@/lib/client/api-client";
import { sessionKeys } from "@/lib/client/query-keys";
import type { changePasswordSchema } from "@/lib/users/password-schema";
import type { UpdateMeInput, updatedMeResponse } from "@/lib/validations/user";

type Callbacks<V> = { onSuccess?: (variables: V) => unknown; onError?: (error: Error) => unknown };

/** The caller's active sessions, this device's marked `current`. */
export function useSessions() {
  return useQuery({
    queryKey: sessionKeys.list(),
    queryFn: () => apiFetch<{ data: SessionView[] }>("/api/v1/sessions").then((r) => r.data),
  });
}

/**
 * Ends one session. Ending this device's own signs it out: the cache is emptied before the
 * caller's `onSuccess` (which leaves for the sign-in page).
 */
export function useEndSession({ onSuccess, onError }: Callbacks<SessionView> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (session: SessionView) =>
      apiFetch<void>(`/api/v1/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" }),
    onSuccess: async (_result, session) => {
      if (session.current) queryClient.clear();
      else await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      await onSuccess?.(session);
    },
    onError,
  });
}

/** Signs out everywhere, this device included. */
export function useEndAllSessions({ onSuccess, onError }: Callbacks<void> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>("/api/v1/sessions", { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.clear();
      await onSuccess?.();
    },
    onError,
  });
}

type PasswordChange = z.output<typeof changePasswordSchema>;

/** Changes the password; the other sessions end with it, so the list is read again. */
export function useChangePassword({ onSuccess, onError }: Callbacks<PasswordChange> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: PasswordChange) => apiFetch<void>("/api/v1/me/password", { body: values }),
    onSuccess: async (_result, values) => {
      await onSuccess?.(values);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
    onError,
  });
}

type UpdatedMe = z.output<typeof updatedMeResponse>;

/** Saves the person's preferences (the app's language), so that every device they sign in on follows them. */
export function useUpdateMe({ onSuccess, onError }: Callbacks<UpdateMeInput> = {}) {
  return useMutation({
    mutationFn: (body: UpdateMeInput) => apiFetch<UpdatedMe>("/api/v1/me", { method: "PATCH", body }),
    onSuccess: (_me, body) => onSuccess?.(body),
    onError,
  });
}

/** Signs this device out and forgets everything cached for the account. */
export function useSignOut({ onSuccess, onError }: Callbacks<void> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>("/api/v1/auth/sign-out", { method: "POST" }),
    onSuccess: async () => {
      queryClient.clear();
      await onSuccess?.();
    },
    onError,
  });
}
