"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { projectKeys } from "@/lib/client/query-keys";
import type { ProjectGroups } from "@/lib/validations/project";

/** The caller's projects grouped by company (the projects page, the webhook pickers and names). */
export function useProjectGroups() {
  return useQuery({
    queryKey: projectKeys.groups(),
    queryFn: () => apiFetch<{ data: ProjectGroups }>("/api/v1/projects").then((r) => r.data),
  });
}
