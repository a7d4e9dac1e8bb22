"use client";

import { useTranslations } from "next-intl";

const NETWORK_CLASSES = ["timeout", "dns", "refused", "tls", "ssrf", "network"] as const;

type Attempt = { responseStatus: number | null; errorClass: string | null; errorMessage: string | null };

/**
 * What happened to one attempt, in plain words ("Your server refused the connection"), with the
 * error class and the raw message one click away.
 */
export function AttemptOutcome({ attempt }: { attempt: Attempt }) {
  const t = useTranslations("attemptError");
  const status = attempt.responseStatus;
  let text: string;
  if (status !== null) {
    if (status >= 200 && status < 300) text = t("ok", { status });
    else if (status >= 300 && status < 400) text = t("redirect", { status });
    else if (status >= 500) text = t("serverError", { status });
    else text = t("clientError", { status });
  } else {
    const known = NETWORK_CLASSES.find((c) => c === attempt.errorClass);
    text = t(known ?? "network");
  }
  const ok = status !== null && status >= 200 && status < 300;
  const technical = [attempt.errorClass, attempt.errorMessage].filter(Boolean).join(": ");
  return (
    <div className="mb-2 text-sm" data-testid="attempt-outcome">
      <p className={ok ? "text-emerald-800" : "text-red-700"}>{text}</p>
      {technical ? (
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer">{t("technical")}</summary>
          <p className="break-all font-mono">{technical}</p>
        </details>
      ) : null}
    </div>
  );
}
