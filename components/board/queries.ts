"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { boardKeys, todoKeys } from "@/lib/client/query-keys";
import type { Board, TodoDetail } from "@/lib/validations/board";
import type { todoEventsResponse } from "@/lib/validations/delivery";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import { type BoardRequest, boardRequests, type ChecklistItemChange, type TodoChange } from "./board-requests";

type TodoEvents = z.output<typeof todoEventsResponse>;

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

/** A record's history: its events, newest first. */
export function useTodoHistory(todoId: string) {
  return useQuery({
    queryKey: todoKeys.events(todoId),
    queryFn: () => apiFetch<TodoEvents>(`/api/v1/todos/${encodeURIComponent(todoId)}/events`).then((r) => r.data),
  });
}

/**
 * Every board change as a typed action: each calls the REST API, then refreshes the board and the
 * open record. A failure is shown as a toast, and the action still resolves, so the form that
 * called it carries on.
 */
export function useBoardActions(projectId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const mutation = useMutation({
    mutationFn: ({ path, method, body }: BoardRequest) => apiFetch<unknown>(path, { method, body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: boardKeys.detail(projectId) }),
        queryClient.invalidateQueries({ queryKey: todoKeys.all }),
      ]),
    onError: (error) => toast("error", errorMessage(error)),
  });
  const { mutateAsync } = mutation;
  return useMemo(() => {
    const run = (request: BoardRequest): Promise<void> =>
      mutateAsync(request).then(
        () => undefined,
        () => undefined,
      );
    return {
      addList: (title: string) => run(boardRequests.addList(projectId, title)),
      renameList: (listId: string, title: string) => run(boardRequests.renameList(listId, title)),
      deleteList: (listId: string) => run(boardRequests.deleteList(listId)),
      addTodo: (todoListId: string, title: string) => run(boardRequests.addTodo(projectId, todoListId, title)),
      moveTodo: (todoId: string, todoListId: string) => run(boardRequests.moveTodo(todoId, todoListId)),
      updateTodo: (todoId: string, change: TodoChange) => run(boardRequests.updateTodo(todoId, change)),
      deleteTodo: (todoId: string) => run(boardRequests.deleteTodo(todoId)),
      setCustomField: (todoId: string, fieldId: string, value: unknown) =>
        run(boardRequests.setCustomField(todoId, fieldId, value)),
      addChecklist: (todoId: string, title: string) => run(boardRequests.addChecklist(todoId, title)),
      renameChecklist: (checklistId: string, title: string) => run(boardRequests.renameChecklist(checklistId, title)),
      deleteChecklist: (checklistId: string) => run(boardRequests.deleteChecklist(checklistId)),
      addChecklistItem: (checklistId: string, title: string) =>
        run(boardRequests.addChecklistItem(checklistId, { title })),
      updateChecklistItem: (itemId: string, change: ChecklistItemChange) =>
        run(boardRequests.updateChecklistItem(itemId, change)),
      deleteChecklistItem: (itemId: string) => run(boardRequests.deleteChecklistItem(itemId)),
      addComment: (todoId: string, text: string) => run(boardRequests.addComment(todoId, text)),
      deleteComment: (commentId: string) => run(boardRequests.deleteComment(commentId)),
    };
  }, [mutateAsync, projectId]);
}

export type BoardActions = ReturnType<typeof useBoardActions>;
