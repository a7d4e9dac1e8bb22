"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { WebhookView } from "@/lib/validations/webhook";
import { useRelativeTime } from "../i18n/use-relative-time";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import { DisableReason } from "./disable-reason";
import { useSetWebhookEnabled } from "./queries";

type Disabled = Pick<WebhookView, "id" | "enabled" | "state" | "disabledAt" | "disabledReason">;

/**
 * A turned-off webhook says why, since when, what happens to its events meanwhile, and offers to
 * turn it on again through the enable route (which first sends the receiver a health check).
 */
export function DisabledBanner({ webhook }: { webhook: Disabled }) {
  const t = useTranslations("disabledBanner");
  const tw = useTranslations("webhooks");
  const relative = useRelativeTime();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const enable = useSetWebhookEnabled(webhook.id, { onSuccess: () => toast("success", t("enabled")) });
  if (webhook.enabled) return null;
  const byFailures = webhook.state === "UNHEALTHY";
  const time = webhook.disabledAt ? relative.ago(new Date(webhook.disabledAt)) : null;
  return (
    <section
      aria-labelledby={titleId}
      data-testid="disabled-banner"
      className="flex flex-col gap-2 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {t("title")}
      </h2>
      {time ? <p>{byFailures ? t("byFailures", { time }) : t("byCreator", { time })}</p> : null}
      {byFailures && webhook.disabledReason ? (
        <div className="text-red-800">
          <DisableReason reason={webhook.disabledReason} />
        </div>
      ) : null}
      <p>{t("meanwhile")}</p>
      {byFailures ? <p>{t("fixHint")}</p> : null}
      {enable.error ? <Alert tone="error">{errorMessage(enable.error)}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => enable.mutate(true)} disabled={enable.isPending}>
          {enable.isPending ? t("enabling") : byFailures ? t("fix") : t("enable")}
        </Button>
        <Link href={`/settings/webhooks/${webhook.id}/edit`} className="text-brand-700 underline">
          {tw("edit")}
        </Link>
      </div>
    </section>
  );
}
