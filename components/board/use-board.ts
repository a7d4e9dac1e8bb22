"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { boardKeys, todoKeys } from "@/lib/client/query-keys";
import type { Board, TodoDetail } from "@/lib/validations/board";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";

export function useBoard(projectId: string) {
  return useQuery({
    queryKey: boardKeys.detail(projectId),
    queryFn: () => apiFetch<Board>(`/api/v1/projects/${encodeURIComponent(projectId)}/board`),
  });
}

export function useTodoDetail(todoId: string | null) {
  return useQuery({
    queryKey: todoKeys.detail(todoId ?? ""),
    queryFn: () => apiFetch<TodoDetail>(`/api/v1/todos/${encodeURIComponent(todoId ?? "")}`),
    enabled: todoId !== null,
  });
}

type Call = { path: string; method?: string; body?: unknown };

/** Every board change: call the REST API, then refresh the board and open record; errors toast. */
export function useBoardMutation(projectId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  return useMutation({
    mutationFn: ({ path, method, body }: Call) => apiFetch<unknown>(path, { method: method ?? "POST", body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: boardKeys.detail(projectId) }),
        queryClient.invalidateQueries({ queryKey: todoKeys.all }),
      ]),
    onError: (error) => toast("error", errorMessage(error)),
  });
}
