"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { TodoDetail } from "@/lib/validations/board";
import { Button } from "../ui/button";
import type { BoardActions } from "./queries";

/** The record's "done" box, its title (saved when the field is left) and Close. */
export function TodoHeading({
  todo,
  canEdit,
  actions,
  onClose,
}: {
  todo: TodoDetail["todo"];
  canEdit: boolean;
  actions: BoardActions;
  onClose: () => void;
}) {
  const t = useTranslations("record");
  // The box answers at once and follows the server's state when it arrives.
  const [done, setDone] = useState(todo.done);
  useEffect(() => setDone(todo.done), [todo.done]);
  return (
    <div className="flex items-start gap-3">
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={done}
          disabled={!canEdit}
          onChange={(e) => {
            setDone(e.target.checked);
            void actions.updateTodo(todo.id, { done: e.target.checked });
          }}
        />
        <span className="sr-only">{t("done")}</span>
      </label>
      <input
        aria-label={t("title")}
        defaultValue={todo.title}
        readOnly={!canEdit}
        maxLength={500}
        onBlur={(e) => {
          const title = e.target.value.trim();
          if (title && title !== todo.title) void actions.updateTodo(todo.id, { title });
        }}
        className="flex-1 rounded border border-transparent px-2 py-1 text-lg font-semibold hover:border-slate-200 focus:border-brand-500"
      />
      <Button variant="secondary" onClick={onClose}>
        {t("close")}
      </Button>
    </div>
  );
}
