"use client";

import { useTranslations } from "next-intl";
import type { TodoDetail } from "@/lib/validations/board";
import { Button } from "../ui/button";
import { InlineAdd } from "./inline-add";
import type { BoardActions } from "./queries";

export function ChecklistSection({
  todoId,
  checklists,
  canEdit,
  actions,
}: {
  todoId: string;
  checklists: TodoDetail["checklists"];
  canEdit: boolean;
  actions: BoardActions;
}) {
  const t = useTranslations("record");
  return (
    <section className="flex flex-col gap-3 text-sm">
      <h3 className="font-medium text-slate-700">{t("checklists")}</h3>
      {checklists.map((c) => (
        <div key={c.id} className="rounded-md border border-slate-200 p-3">
          <div className="mb-2 flex items-center gap-2">
            <input
              aria-label={t("title")}
              defaultValue={c.title}
              readOnly={!canEdit}
              onBlur={(e) => {
                const title = e.target.value.trim();
                if (title && title !== c.title) void actions.renameChecklist(c.id, title);
              }}
              className="flex-1 rounded px-1 font-medium"
            />
            {canEdit ? (
              <Button
                variant="ghost"
                aria-label={t("deleteChecklist", { title: c.title })}
                onClick={() => actions.deleteChecklist(c.id)}
              >
                ✕
              </Button>
            ) : null}
          </div>
          <ul className="mb-2 flex flex-col gap-1">
            {c.items.map((item) => (
              <li key={item.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  aria-label={item.title}
                  checked={item.done}
                  disabled={!canEdit}
                  onChange={(e) => actions.updateChecklistItem(item.id, { done: e.target.checked })}
                />
                <span className={`flex-1 ${item.done ? "text-slate-500 line-through" : ""}`}>{item.title}</span>
                {canEdit ? (
                  <Button
                    variant="ghost"
                    aria-label={t("deleteItem", { title: item.title })}
                    onClick={() => actions.deleteChecklistItem(item.id)}
                  >
                    ✕
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <InlineAdd
              label={t("newItemTitle", { checklist: c.title })}
              buttonLabel={t("addItem")}
              onAdd={(title) => actions.addChecklistItem(c.id, title)}
            />
          ) : null}
        </div>
      ))}
      {canEdit ? (
        <InlineAdd
          label={t("newChecklistTitle")}
          buttonLabel={t("addChecklist")}
          onAdd={(title) => actions.addChecklist(todoId, title)}
        />
      ) : null}
    </section>
  );
}
