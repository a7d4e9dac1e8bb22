"use client";

import { useTranslations } from "next-intl";
import type { TodoDetail } from "@/lib/validations/board";
import type { BoardActions } from "./queries";

type Props = { todo: TodoDetail["todo"]; canEdit: boolean; actions: BoardActions };

const DATES = ["startedAt", "duedAt"] as const;
const dateInput = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

/** The record's description, saved when the field is left. */
export function TodoDescription({ todo, canEdit, actions }: Props) {
  const t = useTranslations("record");
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{t("description")}</span>
      <textarea
        defaultValue={todo.text}
        readOnly={!canEdit}
        rows={3}
        onBlur={(e) => {
          if (e.target.value !== todo.text) void actions.updateTodo(todo.id, { text: e.target.value });
        }}
        className="rounded-md border border-slate-300 px-2 py-1.5"
      />
    </label>
  );
}

/** Start and due dates; clearing one removes it. */
export function TodoDates({ todo, canEdit, actions }: Props) {
  const t = useTranslations("record");
  return (
    <div className="grid grid-cols-2 gap-4">
      {DATES.map((key) => (
        <label key={key} className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">{key === "duedAt" ? t("dueDate") : t("startDate")}</span>
          <input
            type="date"
            defaultValue={dateInput(todo[key])}
            readOnly={!canEdit}
            onChange={(e) => void actions.updateTodo(todo.id, { [key]: e.target.value || null })}
            className="rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
      ))}
    </div>
  );
}
