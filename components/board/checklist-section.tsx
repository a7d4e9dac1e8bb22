"use client";

import { useTranslations } from "next-intl";
import type { TodoDetail } from "@/lib/validations/board";
import { Button } from "../ui/button";
import { InlineAdd } from "./inline-add";

type Mutate = (call: { path: string; method?: string; body?: unknown }) => Promise<unknown>;

export function ChecklistSection({
  todoId,
  checklists,
  canEdit,
  mutate,
}: {
  todoId: string;
  checklists: TodoDetail["checklists"];
  canEdit: boolean;
  mutate: Mutate;
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
              onBlur={(e) =>
                e.target.value.trim() &&
                e.target.value.trim() !== c.title &&
                mutate({ path: `/api/v1/checklists/${c.id}`, method: "PATCH", body: { title: e.target.value.trim() } })
              }
              className="flex-1 rounded px-1 font-medium"
            />
            {canEdit ? (
              <Button
                variant="ghost"
                aria-label={t("deleteChecklist", { title: c.title })}
                onClick={() => mutate({ path: `/api/v1/checklists/${c.id}`, method: "DELETE" })}
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
                  onChange={(e) =>
                    mutate({
                      path: `/api/v1/checklist-items/${item.id}`,
                      method: "PATCH",
                      body: { done: e.target.checked },
                    })
                  }
                />
                <span className={`flex-1 ${item.done ? "text-slate-500 line-through" : ""}`}>{item.title}</span>
                {canEdit ? (
                  <Button
                    variant="ghost"
                    aria-label={t("deleteItem", { title: item.title })}
                    onClick={() => mutate({ path: `/api/v1/checklist-items/${item.id}`, method: "DELETE" })}
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
              onAdd={(title) => mutate({ path: `/api/v1/checklists/${c.id}/items`, body: { title } })}
            />
          ) : null}
        </div>
      ))}
      {canEdit ? (
        <InlineAdd
          label={t("newChecklistTitle")}
          buttonLabel={t("addChecklist")}
          onAdd={(title) => mutate({ path: `/api/v1/todos/${todoId}/checklists`, body: { title } })}
        />
      ) : null}
    </section>
  );
}
