"use client";

// The browser's typed hooks for webhooks: each read and each change has one hook, which knows the
// route, the answer's type and the cache keys the change makes stale. Callers pass what they show
// (a toast, a dialog) as the hook's own callbacks, which still run when the change unmounts them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { deliveryKeys, webhookKeys } from "@/lib/client/query-keys";
import type {
  activityResponse,
  createWebhookSchema,
  replayProgressResponse,
  testEventResponse,
  webhookDetailResponse,
  webhookListResponse,
  webhookResponse,
  webhookWithSecretResponse,
} from "@/lib/validations/webhook";

export type WebhookListItem = z.output<typeof webhookListResponse>["data"][number];
export type WebhookDetail = z.output<typeof webhookDetailResponse>;
export type WebhookActivity = z.output<typeof activityResponse>;
export type ActivityRange = WebhookActivity["range"];
type Webhook = z.output<typeof webhookResponse>;
type WebhookWithSecret = z.output<typeof webhookWithSecretResponse>;
type TestResult = z.output<typeof testEventResponse>;
type ReplayJob = z.output<typeof replayProgressResponse>;
type WebhookBody = z.output<typeof createWebhookSchema>;

/** What the caller shows once a change is answered. */
type Callbacks<T, V> = { onSuccess?: (result: T, variables: V) => unknown; onError?: (error: Error) => unknown };

/** How often a page that shows health refetches it while open (deliveries change it). */
const LIVE_MS = 3_000;

const webhookPath = (id: string, rest = "") => `/api/v1/webhooks/${encodeURIComponent(id)}${rest}`;

/** The caller's webhooks, kept current while the list is open. */
export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: () => apiFetch<{ data: WebhookListItem[] }>("/api/v1/webhooks").then((r) => r.data),
    refetchInterval: LIVE_MS,
  });
}

/** One webhook with its health; `live` refetches it every few seconds (its page). */
export function useWebhook(id: string, { live = false }: { live?: boolean } = {}) {
  return useQuery({
    queryKey: webhookKeys.detail(id),
    queryFn: () => apiFetch<WebhookDetail>(webhookPath(id)),
    refetchInterval: live ? LIVE_MS : false,
  });
}

/** Attempts per hour over the range. */
export function useWebhookActivity(id: string, range: ActivityRange) {
  return useQuery({
    queryKey: webhookKeys.activity(id, range),
    queryFn: () => apiFetch<WebhookActivity>(`${webhookPath(id, "/activity")}?range=${range}`),
    refetchInterval: 10_000,
  });
}

function useRefetchWebhooks() {
  const queryClient = useQueryClient();
  return ({ deliveries = false }: { deliveries?: boolean } = {}) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
      deliveries ? queryClient.invalidateQueries({ queryKey: deliveryKeys.all }) : null,
    ]);
}

/** Creates a webhook; the answer carries its secret, shown once. */
export function useCreateWebhook({ onSuccess, onError }: Callbacks<WebhookWithSecret, WebhookBody> = {}) {
  const refetch = useRefetchWebhooks();
  return useMutation({
    mutationFn: (body: WebhookBody) => apiFetch<WebhookWithSecret>("/api/v1/webhooks", { body }),
    onSuccess: async (created, body) => {
      await refetch();
      await onSuccess?.(created, body);
    },
    onError,
  });
}

/** Saves a webhook's settings (its lists of events and projects are replaced whole). */
export function useUpdateWebhook(id: string, { onSuccess, onError }: Callbacks<Webhook, WebhookBody> = {}) {
  const refetch = useRefetchWebhooks();
  return useMutation({
    mutationFn: (body: WebhookBody) => apiFetch<Webhook>(webhookPath(id), { method: "PATCH", body }),
    onSuccess: async (saved, body) => {
      await refetch();
      await onSuccess?.(saved, body);
    },
    onError,
  });
}

/**
 * Turns deliveries on (after the receiver's health check) or off. The list flips at once; the
 * page's webhook takes the server's answer, and a refusal puts the list back when it is refetched.
 */
export function useSetWebhookEnabled(id: string, { onSuccess, onError }: Callbacks<Webhook, boolean> = {}) {
  const queryClient = useQueryClient();
  const refetch = useRefetchWebhooks();
  return useMutation({
    mutationFn: (enabled: boolean) =>
      apiFetch<Webhook>(webhookPath(id, enabled ? "/enable" : "/disable"), { method: "POST" }),
    onMutate: async (enabled) => {
      // A background refetch already on its way would put the old state back.
      await queryClient.cancelQueries({ queryKey: webhookKeys.list() });
      queryClient.setQueryData<WebhookListItem[]>(webhookKeys.list(), (list) =>
        list?.map((w) => (w.id === id ? { ...w, enabled } : w)),
      );
    },
    onSuccess: (result, enabled) => {
      queryClient.setQueryData<WebhookDetail>(webhookKeys.detail(id), (d) => d && { ...d, enabled: result.enabled });
      return onSuccess?.(result, enabled);
    },
    onError,
    onSettled: (_result, _error, enabled) => refetch({ deliveries: enabled }),
  });
}

/** A new secret, shown once; the old one keeps signing for a while. */
export function useRotateWebhookSecret(id: string, { onSuccess, onError }: Callbacks<WebhookWithSecret, void> = {}) {
  const refetch = useRefetchWebhooks();
  return useMutation({
    mutationFn: () => apiFetch<WebhookWithSecret>(webhookPath(id, "/rotate-secret"), { method: "POST" }),
    onSuccess,
    onError,
    onSettled: () => refetch(),
  });
}

export function useDeleteWebhook(id: string, { onSuccess, onError }: Callbacks<void, void> = {}) {
  const refetch = useRefetchWebhooks();
  return useMutation({
    mutationFn: () => apiFetch<void>(webhookPath(id), { method: "DELETE" }),
    onSuccess,
    onError,
    onSettled: () => refetch(),
  });
}

/** What a test sends: an event type's sample, or a recent real event the webhook would send. */
export type TestPayload = { eventType: string } | { eventId: string };

/** Sends a signed test now and returns the receiver's answer; the log and the health follow. */
export function useSendTestEvent(id: string, { onSuccess, onError }: Callbacks<TestResult, TestPayload> = {}) {
  const refetch = useRefetchWebhooks();
  return useMutation({
    mutationFn: (payload: TestPayload) => apiFetch<TestResult>(webhookPath(id, "/test"), { body: payload }),
    onSuccess,
    onError,
    onSettled: () => refetch({ deliveries: true }),
  });
}

/** Replays the skipped and failed deliveries since a time; the answer is the replay's progress. */
export function useReplayDeliveries(id: string, { onSuccess, onError }: Callbacks<ReplayJob, Date> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (since: Date) =>
      apiFetch<ReplayJob>(webhookPath(id, "/replay"), { body: { since: since.toISOString() } }),
    onSuccess: async (job, since) => {
      await queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
      await onSuccess?.(job, since);
    },
    onError,
  });
}
