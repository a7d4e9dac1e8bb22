"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Board } from "@/lib/validations/board";
import { ConfirmButton } from "../ui/confirm-button";
import { InlineAdd } from "./inline-add";
import type { BoardActions } from "./queries";
import { TodoCard } from "./todo-card";

type List = Board["lists"][number];

export function ListColumn({
  list,
  lists,
  canEditRecords,
  canManageLists,
  actions,
  onOpenTodo,
}: {
  list: List;
  lists: { id: string; title: string }[];
  canEditRecords: boolean;
  canManageLists: boolean;
  actions: BoardActions;
  onOpenTodo: (id: string) => void;
}) {
  const t = useTranslations("board");
  const tc = useTranslations("finish.confirm");
  const [title, setTitle] = useState(list.title);
  return (
    <section aria-label={list.title} className="flex w-72 shrink-0 flex-col gap-3 rounded-lg bg-slate-100 p-3">
      <div className="flex items-center gap-2">
        {canManageLists ? (
          <input
            aria-label={t("renameList", { title: list.title })}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            onBlur={() => {
              if (title.trim() && title.trim() !== list.title) void actions.renameList(list.id, title.trim());
            }}
            className="min-w-0 flex-1 rounded bg-transparent px-1 py-0.5 font-semibold focus:bg-white"
          />
        ) : (
          <h2 className="flex-1 font-semibold">{list.title}</h2>
        )}
        <span className="text-xs text-slate-500">{list.todos.length}</span>
        {canManageLists ? (
          <ConfirmButton
            variant="ghost"
            aria-label={t("deleteList", { title: list.title })}
            title={tc("deleteListTitle")}
            question={t("deleteListConfirm", { title: list.title, count: list.todos.length })}
            confirmLabel={tc("delete")}
            onConfirm={() => void actions.deleteList(list.id)}
          >
            ✕
          </ConfirmButton>
        ) : null}
      </div>
      <ul className="flex flex-col gap-2">
        {list.todos.length === 0 ? <li className="text-xs text-slate-500">{t("emptyList")}</li> : null}
        {list.todos.map((todo) => (
          <TodoCard
            key={todo.id}
            todo={todo}
            lists={lists}
            canEdit={canEditRecords}
            onOpen={() => onOpenTodo(todo.id)}
            onMove={(todoListId) => void actions.moveTodo(todo.id, todoListId)}
          />
        ))}
      </ul>
      {canEditRecords ? (
        <InlineAdd
          label={t("newRecordTitle", { list: list.title })}
          buttonLabel={t("addRecord")}
          onAdd={(newTitle) => actions.addTodo(list.id, newTitle)}
        />
      ) : null}
    </section>
  );
}
