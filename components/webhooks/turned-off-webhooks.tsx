"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { WebhookView } from "@/lib/validations/webhook";

/** Above the list: the webhooks failures turned off, each a way to its page (why, and re-enable). */
export function TurnedOffWebhooks({ webhooks }: { webhooks: Pick<WebhookView, "id" | "name" | "state">[] }) {
  const t = useTranslations("disabledBanner");
  const titleId = useId();
  const turnedOff = webhooks.filter((w) => w.state === "UNHEALTHY");
  if (turnedOff.length === 0) return null;
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
      data-testid="turned-off-webhooks"
    >
      <p id={titleId} className="font-medium">
        {t("turnedOffList", { count: turnedOff.length })}
      </p>
      <ul className="mt-2 flex flex-col gap-1">
        {turnedOff.map((w) => (
          <li key={w.id}>
            <Link href={`/settings/webhooks/${w.id}`} className="text-brand-700 underline">
              {t("turnedOffOpen", { name: w.name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
