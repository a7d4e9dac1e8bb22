"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { NoticeView } from "@/lib/client/people-types";
import { noticeKeys } from "@/lib/client/query-keys";

/**
 * The caller's notices, newest first; looked at again every 30 s so the header's count stays
 * current, and every 5 s while the notices page itself is open (it arrives rendered by the server,
 * and a warning written a moment later must show up there without a reload).
 */
export function useNotices({ live = false }: { live?: boolean } = {}) {
  return useQuery({
    queryKey: noticeKeys.list(),
    queryFn: () => apiFetch<{ data: NoticeView[] }>("/api/v1/notices").then((r) => r.data),
    refetchInterval: live ? 5_000 : 30_000,
  });
}

/** Marks one notice read; the list and the header's count are read again either way. */
export function useMarkNoticeRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/v1/notices/${encodeURIComponent(id)}/read`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
