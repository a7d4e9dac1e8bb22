"use client";

import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { FilteredExplanation } from "./conditions-trace";
import { useEventTrace } from "./delivery-queries";

const OUTCOME_STYLES: Record<string, string> = {
  MATCHED: "text-emerald-700",
  DISABLED: "text-amber-700",
  FILTERED: "text-amber-700",
  ACCESS_REVOKED: "text-red-700",
};

/** "Why was this event (not) delivered?" for each of the caller's webhooks. */
export function TraceDialog({ eventId, onClose }: { eventId: string | null; onClose: () => void }) {
  const t = useTranslations("trace");
  const tc = useTranslations("common");
  const statuses = useTranslations("deliveryStatus");
  const trace = useEventTrace(eventId);
  return (
    <Dialog open={eventId !== null} onClose={onClose} title={t("title")}>
      <div className="flex flex-col gap-3 text-sm">
        <div className="flex items-center justify-between">
          <h2 className="font-semibold">{t("title")}</h2>
          <Button variant="secondary" aria-label={tc("close")} onClick={onClose}>
            ✕
          </Button>
        </div>
        {trace.data ? (
          <>
            <p className="font-mono text-xs text-slate-500">{trace.data.event.type}</p>
            {trace.data.webhooks.length === 0 ? <p>{t("noWebhooks")}</p> : null}
            <ul className="flex flex-col gap-2" data-testid="trace">
              {trace.data.webhooks.map((w) => (
                <li key={w.webhookId} className="rounded-md border border-slate-200 p-2">
                  <p className="font-medium">{w.name}</p>
                  {w.outcome === "FILTERED" ? (
                    <FilteredExplanation webhookId={w.webhookId} failedRule={w.failedRule} />
                  ) : (
                    <p className={OUTCOME_STYLES[w.outcome] ?? "text-slate-600"}>{w.explanation}</p>
                  )}
                  {w.deliveryStatus ? (
                    <p className="text-xs text-slate-500">{t("delivery", { status: statuses(w.deliveryStatus) })}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
