"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { eventTypeKeys } from "@/lib/client/query-keys";
import type { groupedEventTypes } from "@/lib/events/catalog";

export type EventTypeGroups = ReturnType<typeof groupedEventTypes>;

/** The subscribable events, grouped as the pickers show them; they change only with a new release. */
export function useEventTypeGroups() {
  return useQuery({
    queryKey: eventTypeKeys.list(),
    queryFn: () => apiFetch<{ data: EventTypeGroups }>("/api/v1/event-types").then((r) => r.data),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** An event type's sample payload, fetched once it is asked for. */
export function useEventSample(type: string, enabled: boolean) {
  return useQuery({
    queryKey: eventTypeKeys.detail(type),
    queryFn: () => apiFetch<{ sample: unknown }>(`/api/v1/event-types/${encodeURIComponent(type)}`),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
