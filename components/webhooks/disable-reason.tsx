"use client";

import { useTranslations } from "next-intl";
import { lastErrorKind, parseDisableReason } from "@/lib/webhooks/disable-reason";

/**
 * Why a webhook was turned off, in plain words of the reader's language ("All 5 attempts to
 * deliver “Record created” failed: your server answered 500 — an error on the server’s side"),
 * with the stored English text one click away. A reason no rule writes is shown as it is.
 */
export function DisableReason({ reason }: { reason: string }) {
  const t = useTranslations("warnings.reasons");
  const tError = useTranslations("attemptError");
  const tEvents = useTranslations("events.types");
  const parsed = parseDisableReason(reason);
  if (!parsed) return <p className="break-words">{t("unknown", { reason })}</p>;
  const { event, ...numbers } = parsed.values;
  const label = event && tEvents.has(`${event}.label`) ? tEvents(`${event}.label`) : (event ?? "");
  const kind = parsed.lastError ? lastErrorKind(parsed.lastError) : null;
  const last = kind ? ("status" in kind ? tError(kind.key, { status: kind.status }) : tError(kind.key)) : null;
  return (
    <div className="flex flex-col gap-1">
      <p className="break-words">
        {t(parsed.code, { ...numbers, event: label })}
        {last ? ` ${t("last", { last })}` : null}
      </p>
      <details className="text-xs">
        <summary className="cursor-pointer">{tError("technical")}</summary>
        <p className="break-all font-mono">{reason}</p>
      </details>
    </div>
  );
}
