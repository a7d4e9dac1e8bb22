"use client";

import { useTranslations } from "next-intl";
import type { Board, TodoDetail } from "@/lib/validations/board";
import { CustomFieldInput } from "./custom-field-input";
import type { BoardActions } from "./queries";

/** One input per custom field of the project, holding the record's value. */
export function TodoCustomFields({
  todo,
  fields,
  canEdit,
  actions,
}: {
  todo: TodoDetail["todo"];
  fields: Board["customFields"];
  canEdit: boolean;
  actions: BoardActions;
}) {
  const t = useTranslations("record");
  if (fields.length === 0) return null;
  return (
    <fieldset className="text-sm">
      <legend className="mb-1 font-medium text-slate-700">{t("customFields")}</legend>
      <div className="grid grid-cols-2 gap-3">
        {fields.map((field) => (
          <CustomFieldInput
            key={field.id}
            field={field}
            value={todo.customFields.find((v) => v.customField.id === field.id)?.value}
            disabled={!canEdit}
            onChange={(value) => actions.setCustomField(todo.id, field.id, value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
