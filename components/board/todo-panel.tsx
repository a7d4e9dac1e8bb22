"use client";

import { useTranslations } from "next-intl";
import type { Board, TodoDetail } from "@/lib/validations/board";
import { Dialog } from "../ui/dialog";
import { tagChipStyle } from "../ui/tag-chip";
import { ChecklistSection } from "./checklist-section";
import { CommentSection } from "./comment-section";
import { DeleteTodoButton } from "./delete-todo-button";
import { type BoardActions, useTodoDetail } from "./queries";
import { TodoChoiceSet } from "./todo-choice-set";
import { TodoCustomFields } from "./todo-custom-fields";
import { TodoDates, TodoDescription } from "./todo-details";
import { TodoHeading } from "./todo-heading";
import { TodoHistory } from "./todo-history";

/** The open record, in a dialog: loading first, then its editor. */
export function TodoPanel({
  todoId,
  board,
  canEdit,
  actions,
  onClose,
}: {
  todoId: string | null;
  board: Board;
  canEdit: boolean;
  actions: BoardActions;
  onClose: () => void;
}) {
  const t = useTranslations("record");
  const detail = useTodoDetail(todoId);
  const data = detail.data;
  return (
    <Dialog open={todoId !== null} onClose={onClose} title={data?.todo.title ?? t("title")} wide>
      {data && data.todo.id === todoId ? (
        <TodoEditor
          key={data.todo.id}
          detail={data}
          board={board}
          canEdit={canEdit}
          actions={actions}
          onClose={onClose}
        />
      ) : (
        <p className="text-sm text-slate-500">{t("loading")}</p>
      )}
    </Dialog>
  );
}

// Not re-mounted when the record is refetched, so text being typed (a comment) survives a save
// elsewhere in it.
function TodoEditor({
  detail,
  board,
  canEdit,
  actions,
  onClose,
}: {
  detail: TodoDetail;
  board: Board;
  canEdit: boolean;
  actions: BoardActions;
  onClose: () => void;
}) {
  const t = useTranslations("record");
  const { todo } = detail;
  return (
    <div className="flex flex-col gap-5">
      <TodoHeading todo={todo} canEdit={canEdit} actions={actions} onClose={onClose} />
      <TodoDescription todo={todo} canEdit={canEdit} actions={actions} />
      <TodoDates todo={todo} canEdit={canEdit} actions={actions} />
      <TodoChoiceSet
        legend={t("assignees")}
        options={board.members.map((m) => ({ id: m.id, label: m.name }))}
        selected={todo.assignees.map((a) => a.id)}
        disabled={!canEdit}
        onChange={(assigneeIds) => void actions.updateTodo(todo.id, { assigneeIds })}
      />
      {board.tags.length ? (
        <TodoChoiceSet
          legend={t("tags")}
          options={board.tags.map((tag) => ({
            id: tag.id,
            label: (
              <span className="rounded px-1.5" style={tagChipStyle(tag.color)}>
                {tag.title}
              </span>
            ),
          }))}
          selected={todo.tags.map((tag) => tag.id)}
          disabled={!canEdit}
          onChange={(tagIds) => void actions.updateTodo(todo.id, { tagIds })}
        />
      ) : null}
      <TodoCustomFields todo={todo} fields={board.customFields} canEdit={canEdit} actions={actions} />
      <ChecklistSection todoId={todo.id} checklists={detail.checklists} canEdit={canEdit} actions={actions} />
      <CommentSection todoId={todo.id} comments={detail.comments} actions={actions} />
      <TodoHistory todoId={todo.id} />
      {canEdit ? <DeleteTodoButton todo={todo} actions={actions} onDeleted={onClose} /> : null}
    </div>
  );
}
