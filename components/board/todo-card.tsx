"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Board } from "@/lib/validations/board";
import { tagChipStyle } from "../ui/tag-chip";

type Todo = Board["lists"][number]["todos"][number];

export function TodoCard({
  todo,
  lists,
  canEdit,
  onOpen,
  onMove,
}: {
  todo: Todo;
  lists: { id: string; title: string }[];
  canEdit: boolean;
  onOpen: () => void;
  onMove: (todoListId: string) => void;
}) {
  const t = useTranslations("board");
  const format = useFormatter();
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3 shadow-sm" data-testid="todo-card">
      <button
        type="button"
        onClick={onOpen}
        aria-label={t("openRecord", { title: todo.title })}
        className={`block w-full text-left text-sm font-medium hover:text-brand-700 ${todo.done ? "text-slate-500 line-through" : ""}`}
      >
        {todo.title}
      </button>
      <div className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
        {todo.done ? <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-800">{t("done")}</span> : null}
        {todo.duedAt ? (
          <span>{t("due", { date: format.dateTime(new Date(todo.duedAt), { dateStyle: "medium" }) })}</span>
        ) : null}
        {todo.tags.map((tag) => (
          <span key={tag.id} className="rounded px-1.5 py-0.5" style={tagChipStyle(tag.color)}>
            {tag.title}
          </span>
        ))}
        {todo.assignees.map((a) => (
          <span key={a.id} title={a.name} className="rounded-full bg-slate-200 px-1.5 py-0.5 text-slate-700">
            {a.name
              .split(" ")
              .map((w) => w[0])
              .join("")
              .slice(0, 2)}
          </span>
        ))}
      </div>
      {canEdit && lists.length > 1 ? (
        <select
          aria-label={t("moveTo", { title: todo.title })}
          value={todo.todoList.id}
          onChange={(e) => onMove(e.target.value)}
          className="mt-2 w-full rounded border border-slate-200 bg-slate-50 px-1.5 py-1 text-xs"
        >
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      ) : null}
    </li>
  );
}
