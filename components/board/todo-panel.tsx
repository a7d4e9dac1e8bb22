"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { Board, TodoDetail } from "@/lib/validations/board";
import { Button } from "../ui/button";
import { ConfirmButton } from "../ui/confirm-button";
import { Dialog } from "../ui/dialog";
import { tagChipStyle } from "../ui/tag-chip";
import { ChecklistSection } from "./checklist-section";
import { CommentSection } from "./comment-section";
import { CustomFieldInput } from "./custom-field-input";
import { TodoHistory } from "./todo-history";
import { useTodoDetail } from "./use-board";

type Mutate = (call: { path: string; method?: string; body?: unknown }) => Promise<unknown>;

const dateInput = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

export function TodoPanel({
  todoId,
  board,
  canEdit,
  mutate,
  onClose,
}: {
  todoId: string | null;
  board: Board;
  canEdit: boolean;
  mutate: Mutate;
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
          mutate={mutate}
          onClose={onClose}
        />
      ) : (
        <p className="text-sm text-slate-500">{t("loading")}</p>
      )}
    </Dialog>
  );
}

function TodoEditor({
  detail,
  board,
  canEdit,
  mutate,
  onClose,
}: {
  detail: TodoDetail;
  board: Board;
  canEdit: boolean;
  mutate: Mutate;
  onClose: () => void;
}) {
  const t = useTranslations("record");
  const tc = useTranslations("finish.confirm");
  const { todo } = detail;
  const patch = (body: object) => mutate({ path: `/api/v1/todos/${todo.id}`, method: "PATCH", body });
  const toggle = (ids: string[], id: string) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);
  // Checkboxes answer at once and follow the server's state when it arrives; the editor is not
  // re-mounted on refresh, so text being typed (a comment) survives a save elsewhere in it.
  const [done, setDone] = useState(todo.done);
  const [assigneeIds, setAssigneeIds] = useState(() => todo.assignees.map((a) => a.id));
  const [tagIds, setTagIds] = useState(() => todo.tags.map((tag) => tag.id));
  const serverAssignees = todo.assignees.map((a) => a.id).join();
  const serverTags = todo.tags.map((tag) => tag.id).join();
  useEffect(() => setDone(todo.done), [todo.done]);
  useEffect(() => setAssigneeIds(serverAssignees ? serverAssignees.split(",") : []), [serverAssignees]);
  useEffect(() => setTagIds(serverTags ? serverTags.split(",") : []), [serverTags]);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex items-start gap-3">
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={done}
            disabled={!canEdit}
            onChange={(e) => {
              setDone(e.target.checked);
              void patch({ done: e.target.checked });
            }}
          />
          <span className="sr-only">{t("done")}</span>
        </label>
        <input
          aria-label={t("title")}
          defaultValue={todo.title}
          readOnly={!canEdit}
          maxLength={500}
          onBlur={(e) =>
            e.target.value.trim() && e.target.value.trim() !== todo.title && patch({ title: e.target.value.trim() })
          }
          className="flex-1 rounded border border-transparent px-2 py-1 text-lg font-semibold hover:border-slate-200 focus:border-brand-500"
        />
        <Button variant="secondary" onClick={onClose}>
          {t("close")}
        </Button>
      </div>

      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">{t("description")}</span>
        <textarea
          defaultValue={todo.text}
          readOnly={!canEdit}
          rows={3}
          onBlur={(e) => e.target.value !== todo.text && patch({ text: e.target.value })}
          className="rounded-md border border-slate-300 px-2 py-1.5"
        />
      </label>

      <div className="grid grid-cols-2 gap-4">
        {(["startedAt", "duedAt"] as const).map((key) => (
          <label key={key} className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{key === "duedAt" ? t("dueDate") : t("startDate")}</span>
            <input
              type="date"
              defaultValue={dateInput(todo[key])}
              readOnly={!canEdit}
              onChange={(e) => patch({ [key]: e.target.value || null })}
              className="rounded-md border border-slate-300 px-2 py-1.5"
            />
          </label>
        ))}
      </div>

      <fieldset className="text-sm">
        <legend className="mb-1 font-medium text-slate-700">{t("assignees")}</legend>
        <div className="flex flex-wrap gap-3">
          {board.members.map((m) => (
            <label key={m.id} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                disabled={!canEdit}
                checked={assigneeIds.includes(m.id)}
                onChange={() => {
                  const next = toggle(assigneeIds, m.id);
                  setAssigneeIds(next);
                  void patch({ assigneeIds: next });
                }}
              />
              {m.name}
            </label>
          ))}
        </div>
      </fieldset>

      {board.tags.length ? (
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium text-slate-700">{t("tags")}</legend>
          <div className="flex flex-wrap gap-3">
            {board.tags.map((tag) => (
              <label key={tag.id} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  disabled={!canEdit}
                  checked={tagIds.includes(tag.id)}
                  onChange={() => {
                    const next = toggle(tagIds, tag.id);
                    setTagIds(next);
                    void patch({ tagIds: next });
                  }}
                />
                <span className="rounded px-1.5" style={tagChipStyle(tag.color)}>
                  {tag.title}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      {board.customFields.length ? (
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium text-slate-700">{t("customFields")}</legend>
          <div className="grid grid-cols-2 gap-3">
            {board.customFields.map((field) => (
              <CustomFieldInput
                key={field.id}
                field={field}
                value={todo.customFields.find((v) => v.customField.id === field.id)?.value}
                disabled={!canEdit}
                onChange={(value) =>
                  mutate({ path: `/api/v1/todos/${todo.id}/custom-fields/${field.id}`, method: "PUT", body: { value } })
                }
              />
            ))}
          </div>
        </fieldset>
      ) : null}

      <ChecklistSection todoId={todo.id} checklists={detail.checklists} canEdit={canEdit} mutate={mutate} />
      <CommentSection todoId={todo.id} comments={detail.comments} mutate={mutate} />
      <TodoHistory todoId={todo.id} />

      {canEdit ? (
        <div className="flex justify-end border-t border-slate-100 pt-4">
          <ConfirmButton
            variant="danger"
            title={tc("deleteRecordTitle")}
            question={t("deleteConfirm", { title: todo.title })}
            confirmLabel={t("delete")}
            onConfirm={async () => {
              await mutate({ path: `/api/v1/todos/${todo.id}`, method: "DELETE" });
              onClose();
            }}
          >
            {t("delete")}
          </ConfirmButton>
        </div>
      ) : null}
    </div>
  );
}
