"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { projectKeys } from "@/lib/client/query-keys";
import type { projectGroupsResponse } from "@/lib/validations/project";

/** As the browser reads them (dates as ISO strings). */
export type ProjectGroupsView = z.output<typeof projectGroupsResponse>["data"];

/** The caller's projects grouped by company (the projects page, the webhook pickers and names). */
export function useProjectGroups() {
  return useQuery({
    queryKey: projectKeys.groups(),
    queryFn: () => apiFetch<{ data: ProjectGroupsView }>("/api/v1/projects").then((r) => r.data),
  });
}
