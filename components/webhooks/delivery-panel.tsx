"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useEventText } from "../i18n/use-event-text";
import { useRelativeTime } from "../i18n/use-relative-time";
import { Button } from "../ui/button";
import { CodeBox } from "../ui/code-box";
import { CopyButton } from "../ui/copy-button";
import { Dialog } from "../ui/dialog";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import { AttemptOutcome } from "./attempt-outcome";
import { type DeliveryDetail, useDeliveryDetail, useRedeliver } from "./delivery-queries";
import { TraceDialog } from "./trace-dialog";

function pretty(text: string | null) {
  if (!text) return "";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Every attempt of one delivery: what was sent, what came back, and a way to send it again. */
export function DeliveryPanel({ deliveryId, onClose }: { deliveryId: string | null; onClose: () => void }) {
  const t = useTranslations("webhookPage");
  const tt = useTranslations("trace");
  const tc = useTranslations("common");
  const relative = useRelativeTime();
  const eventText = useEventText();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const detail = useDeliveryDetail(deliveryId);
  const redeliver = useRedeliver(deliveryId);
  const d = detail.data;
  const [traced, setTraced] = useState<string | null>(null);
  return (
    <Dialog open={deliveryId !== null} onClose={onClose} title={t("detailTitle", { id: deliveryId ?? "" })} wide>
      {d ? (
        <div className="flex flex-col gap-4 text-sm">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="font-medium">{eventText.label(d.eventType)}</p>
              <p className="font-mono text-xs">{d.eventType}</p>
              <p className="text-xs text-slate-500">webhook-id: {d.messageId}</p>
              {d.kind !== "event" ? <p className="text-xs text-slate-600">{t(`kind.${d.kind}`)}</p> : null}
              {d.waiting ? (
                <p className="text-xs text-amber-700" data-testid="waiting-reason">
                  {t(`waiting.${d.waiting.reason}`, {
                    time: d.waiting.until ? relative.until(new Date(d.waiting.until)) : "",
                  })}
                </p>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-2">
              {d.eventId ? (
                <Button variant="ghost" onClick={() => setTraced(d.eventId)}>
                  {tt("open")}
                </Button>
              ) : null}
              {d.kind === "event" && d.status !== "RETRYING" && d.status !== "PENDING" ? (
                <Button
                  onClick={() =>
                    redeliver.mutate(undefined, {
                      onSuccess: () => toast("success", t("redelivered")),
                      onError: (error) => toast("error", errorMessage(error)),
                    })
                  }
                  disabled={redeliver.isPending}
                >
                  {t("redeliver")}
                </Button>
              ) : null}
              <Button variant="secondary" aria-label={tc("close")} onClick={onClose}>
                ✕
              </Button>
            </div>
          </div>
          <section>
            <div className="mb-1 flex items-center justify-between">
              <h3 className="font-semibold">{t("body")}</h3>
              <CopyButton text={d.body} label={t("copy")} copiedLabel={t("copied")} />
            </div>
            <CodeBox dark className="max-h-64 p-3">
              {pretty(d.body)}
            </CodeBox>
          </section>
          {d.attempts.map((a) => (
            <AttemptSection key={a.id} attempt={a} />
          ))}
        </div>
      ) : null}
      <TraceDialog eventId={traced} onClose={() => setTraced(null)} />
    </Dialog>
  );
}

/** One attempt: how it ended in words, then the request's headers and the response as received. */
function AttemptSection({ attempt: a }: { attempt: DeliveryDetail["attempts"][number] }) {
  const t = useTranslations("webhookPage");
  const format = useFormatter();
  return (
    <section className="rounded-md border border-slate-200 p-3" data-testid="attempt">
      <AttemptOutcome attempt={a} />
      <h3 className="mb-2 font-semibold">
        {t("attempt", {
          number: a.number,
          trigger: t.has(`trigger.${a.trigger}`) ? t(`trigger.${a.trigger}`) : a.trigger,
        })}{" "}
        · {format.dateTime(new Date(a.startedAt), { timeStyle: "medium" })} · {a.latencyMs} ms
      </h3>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="min-w-0">
          <h4 className="text-xs font-semibold text-slate-500">{t("request")}</h4>
          <CodeBox className="bg-slate-50 p-2">
            {Object.entries(a.requestHeaders)
              .map(([k, v]) => `${k}: ${v}`)
              .join("\n")}
          </CodeBox>
        </div>
        <div className="min-w-0">
          <h4 className="text-xs font-semibold text-slate-500">{t("response")}</h4>
          {a.responseStatus === null ? (
            <p className="text-red-700">{t("noResponse", { error: a.errorMessage ?? a.errorClass ?? "" })}</p>
          ) : (
            <CodeBox className="max-h-48 bg-slate-50 p-2" data-testid="response">
              {`HTTP ${a.responseStatus}\n${Object.entries(a.responseHeaders ?? {})
                .map(([k, v]) => `${k}: ${v}`)
                .join("\n")}\n\n${pretty(a.responseBody)}`}
            </CodeBox>
          )}
        </div>
      </div>
    </section>
  );
}
