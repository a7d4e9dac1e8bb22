"use client";

import { useTranslations } from "next-intl";
import type { TodoDetail } from "@/lib/validations/board";
import { ConfirmButton } from "../ui/confirm-button";
import type { BoardActions } from "./queries";

/** Delete the record after an in-app confirmation, then close the panel. */
export function DeleteTodoButton({
  todo,
  actions,
  onDeleted,
}: {
  todo: TodoDetail["todo"];
  actions: BoardActions;
  onDeleted: () => void;
}) {
  const t = useTranslations("record");
  const tc = useTranslations("finish.confirm");
  return (
    <div className="flex justify-end border-t border-slate-100 pt-4">
      <ConfirmButton
        variant="danger"
        title={tc("deleteRecordTitle")}
        question={t("deleteConfirm", { title: todo.title })}
        confirmLabel={t("delete")}
        onConfirm={async () => {
          await actions.deleteTodo(todo.id);
          onDeleted();
        }}
      >
        {t("delete")}
      </ConfirmButton>
    </div>
  );
}
