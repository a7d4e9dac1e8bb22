"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { conditionKeys } from "@/lib/client/query-keys";
import type { PreviewEvent, WebhookPreview } from "@/lib/validations/webhook-preview";
import type { ConditionGroup, CustomFieldType } from "./conditions-model";

export type ConditionOptions = {
  lists: { id: string; title: string; projectId: string; projectName: string }[];
  tags: { id: string; title: string; color: string; projectId: string }[];
  people: { id: string; name: string; email: string }[];
  customFields: {
    id: string;
    name: string;
    type: CustomFieldType;
    projectId: string;
    options: { id: string; title: string }[];
  }[];
};

export type ProjectSelection = { allProjects: boolean; projectIds: string[] };

export type PreviewBody = ProjectSelection & {
  allEvents: boolean;
  events: string[];
  conditions: ConditionGroup | null;
  /** Days looked back over (1–30; the API's default is 7). */
  days?: number;
};

export type PreviewExample = PreviewEvent;
export type PreviewAnswer = WebhookPreview;

/** The lists, tags, people and custom fields a rule can name, of the selected projects. */
export function useConditionOptions(selection: ProjectSelection, enabled: boolean) {
  const query = selection.allProjects
    ? "allProjects=true"
    : `projectIds=${selection.projectIds.map(encodeURIComponent).join(",")}`;
  return useQuery({
    queryKey: conditionKeys.options(selection),
    queryFn: () => apiFetch<ConditionOptions>(`/api/v1/webhooks/condition-options?${query}`),
    enabled: enabled && (selection.allProjects || selection.projectIds.length > 0),
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

/** What the webhook would have sent of the recent stored events (null body: nothing to ask yet). */
export function usePreview(body: PreviewBody | null) {
  return useQuery({
    queryKey: conditionKeys.preview(body ?? {}),
    queryFn: () => apiFetch<PreviewAnswer>("/api/v1/webhooks/preview", { body }),
    enabled: body !== null,
    staleTime: 15_000,
    retry: false,
    // The last answer stays up (marked as updating) while the next one is worked out.
    placeholderData: (previous) => previous,
  });
}

/** The value once it stopped changing for `delayMs` (the preview asks once typing pauses). */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialized value says when it changed
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return settled;
}
