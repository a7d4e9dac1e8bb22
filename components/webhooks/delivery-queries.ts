"use client";

// The delivery log's data: one typed hook per read or action, keyed through deliveryKeys.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { deliveryKeys } from "@/lib/client/query-keys";
import type { deliveryDetailResponse, deliveryListResponse, eventTraceResponse } from "@/lib/validations/delivery";
import type { replayProgressResponse } from "@/lib/validations/webhook";

export type DeliveryPage = z.output<typeof deliveryListResponse>;
export type DeliveryRow = DeliveryPage["data"][number];
export type DeliveryDetail = z.output<typeof deliveryDetailResponse>;
export type EventTrace = z.output<typeof eventTraceResponse>;
export type ReplayProgress = z.output<typeof replayProgressResponse>;

/** The log's filters as kept in the page's address ("" = not filtered). */
export type DeliveryFilters = { status: string; eventType: string; range: string; projectId: string };

export const TIME_RANGES: Record<string, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 };

const PAGE_SIZE = "25";

/** The log's query string for one page: only the filters set, "since" from the chosen range. */
export function deliveryListQuery(filters: DeliveryFilters, cursor: string, now = Date.now()) {
  const q = new URLSearchParams({ limit: PAGE_SIZE });
  if (filters.status) q.set("status", filters.status);
  if (filters.eventType) q.set("eventType", filters.eventType);
  if (filters.projectId) q.set("projectId", filters.projectId);
  // Own keys only: "toString" from an edited address is no range.
  if (Object.hasOwn(TIME_RANGES, filters.range))
    q.set("since", new Date(now - TIME_RANGES[filters.range]).toISOString());
  if (cursor) q.set("cursor", cursor);
  return q;
}

const stillMoving = (rows: DeliveryRow[]) => rows.some((d) => d.status === "RETRYING" || d.status === "PENDING");

/** A webhook's deliveries, newest first, in keyset pages; polled faster while any is still moving. */
export function useDeliveryLog(webhookId: string, filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(webhookId, filters),
    queryFn: ({ pageParam }) =>
      apiFetch<DeliveryPage>(`/api/v1/webhooks/${webhookId}/deliveries?${deliveryListQuery(filters, pageParam)}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => stillMoving(p.data)) ? 2_000 : 10_000),
  });
}

/** One delivery with every attempt; polled while it waits for its next attempt. */
export function useDeliveryDetail(deliveryId: string | null) {
  return useQuery({
    queryKey: deliveryKeys.detail(deliveryId ?? ""),
    queryFn: () => apiFetch<DeliveryDetail>(`/api/v1/deliveries/${deliveryId}`),
    enabled: deliveryId !== null,
    refetchInterval: (q) => (q.state.data?.waiting ? 2_000 : false),
  });
}

/** Sends a delivery again (same webhook-id); the log and the open delivery refresh. */
export function useRedeliver(deliveryId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch(`/api/v1/deliveries/${deliveryId}/redeliver`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

/** "Why was this event (not) delivered?" for each of the caller's webhooks. */
export function useEventTrace(eventId: string | null) {
  return useQuery({
    queryKey: deliveryKeys.trace(eventId ?? ""),
    queryFn: () => apiFetch<EventTrace>(`/api/v1/events/${eventId}/trace`),
    enabled: eventId !== null,
  });
}

/** A replay's progress, followed every second while it runs. */
export function useReplayProgress(jobId: string) {
  return useQuery({
    queryKey: deliveryKeys.replay(jobId),
    queryFn: () => apiFetch<ReplayProgress>(`/api/v1/replays/${jobId}`),
    refetchInterval: (q) => (q.state.data?.state === "running" ? 1_000 : false),
  });
}

/** Stops a running replay; the log and the progress refresh. */
export function useCancelReplay(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ReplayProgress>(`/api/v1/replays/${jobId}/cancel`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}
