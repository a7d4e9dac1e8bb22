"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRelativeTime } from "../i18n/use-relative-time";
import { TraceDialog } from "../webhooks/trace-dialog";
import { useTodoHistory } from "./queries";

/** A record's events, each with its "why (not) delivered?" trace. */
export function TodoHistory({ todoId }: { todoId: string }) {
  const t = useTranslations("record");
  const tt = useTranslations("trace");
  const relative = useRelativeTime();
  const [traced, setTraced] = useState<string | null>(null);
  const history = useTodoHistory(todoId);
  return (
    <section className="flex flex-col gap-2 text-sm">
      <h3 className="font-medium text-slate-700">{t("history")}</h3>
      {history.data?.length === 0 ? <p className="text-slate-500">{t("noHistory")}</p> : null}
      <ul className="flex flex-col gap-1">
        {history.data?.map((e) => (
          <li key={e.id} className="flex items-center justify-between gap-2">
            <span>
              <span className="font-mono text-xs">{e.type}</span>{" "}
              <span className="text-xs text-slate-500">
                {e.actor?.name} · {relative.ago(new Date(e.occurredAt))}
              </span>
            </span>
            <button type="button" className="text-xs text-brand-700 underline" onClick={() => setTraced(e.id)}>
              {tt("open")}
            </button>
          </li>
        ))}
      </ul>
      <TraceDialog eventId={traced} onClose={() => setTraced(null)} />
    </section>
  );
}
