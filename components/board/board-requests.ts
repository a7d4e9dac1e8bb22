// Every change the board can make, as the REST call that makes it: the one place that knows the
// board's routes (components call the typed actions of `useBoardActions`, never a path).
import type { z } from "zod";
import type { createChecklistItemSchema, updateChecklistItemSchema } from "@/lib/validations/checklist";
import type { updateTodoSchema } from "@/lib/validations/todo";

export type BoardRequest = { path: string; method: "POST" | "PATCH" | "PUT" | "DELETE"; body?: unknown };
export type TodoChange = z.input<typeof updateTodoSchema>;
export type ChecklistItemChange = z.input<typeof updateChecklistItemSchema>;
type NewChecklistItem = z.input<typeof createChecklistItemSchema>;

const seg = encodeURIComponent;

export const boardRequests = {
  addList: (projectId: string, title: string): BoardRequest => ({
    path: `/api/v1/projects/${seg(projectId)}/lists`,
    method: "POST",
    body: { title },
  }),
  renameList: (listId: string, title: string): BoardRequest => ({
    path: `/api/v1/lists/${seg(listId)}`,
    method: "PATCH",
    body: { title },
  }),
  deleteList: (listId: string): BoardRequest => ({ path: `/api/v1/lists/${seg(listId)}`, method: "DELETE" }),
  addTodo: (projectId: string, todoListId: string, title: string): BoardRequest => ({
    path: `/api/v1/projects/${seg(projectId)}/todos`,
    method: "POST",
    body: { todoListId, title },
  }),
  moveTodo: (todoId: string, todoListId: string): BoardRequest => ({
    path: `/api/v1/todos/${seg(todoId)}/move`,
    method: "POST",
    body: { todoListId },
  }),
  updateTodo: (todoId: string, change: TodoChange): BoardRequest => ({
    path: `/api/v1/todos/${seg(todoId)}`,
    method: "PATCH",
    body: change,
  }),
  deleteTodo: (todoId: string): BoardRequest => ({ path: `/api/v1/todos/${seg(todoId)}`, method: "DELETE" }),
  setCustomField: (todoId: string, fieldId: string, value: unknown): BoardRequest => ({
    path: `/api/v1/todos/${seg(todoId)}/custom-fields/${seg(fieldId)}`,
    method: "PUT",
    body: { value },
  }),
  addChecklist: (todoId: string, title: string): BoardRequest => ({
    path: `/api/v1/todos/${seg(todoId)}/checklists`,
    method: "POST",
    body: { title },
  }),
  renameChecklist: (checklistId: string, title: string): BoardRequest => ({
    path: `/api/v1/checklists/${seg(checklistId)}`,
    method: "PATCH",
    body: { title },
  }),
  deleteChecklist: (checklistId: string): BoardRequest => ({
    path: `/api/v1/checklists/${seg(checklistId)}`,
    method: "DELETE",
  }),
  addChecklistItem: (checklistId: string, item: NewChecklistItem): BoardRequest => ({
    path: `/api/v1/checklists/${seg(checklistId)}/items`,
    method: "POST",
    body: item,
  }),
  updateChecklistItem: (itemId: string, change: ChecklistItemChange): BoardRequest => ({
    path: `/api/v1/checklist-items/${seg(itemId)}`,
    method: "PATCH",
    body: change,
  }),
  deleteChecklistItem: (itemId: string): BoardRequest => ({
    path: `/api/v1/checklist-items/${seg(itemId)}`,
    method: "DELETE",
  }),
  addComment: (todoId: string, text: string): BoardRequest => ({
    path: `/api/v1/todos/${seg(todoId)}/comments`,
    method: "POST",
    body: { text },
  }),
  deleteComment: (commentId: string): BoardRequest => ({
    path: `/api/v1/comments/${seg(commentId)}`,
    method: "DELETE",
  }),
};
