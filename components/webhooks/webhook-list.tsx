"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { webhookKeys } from "@/lib/client/query-keys";
import type { WebhookView } from "@/lib/validations/webhook";
import { GuideLink } from "../guide/guide-link";
import { useEventText } from "../i18n/use-event-text";
import { useProjectGroups } from "../project-groups";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmButton } from "../ui/confirm-button";
import { Switch } from "../ui/switch";
import { useErrorMessage } from "../use-error-message";
import { HealthBadge } from "./health-badge";
import { SecretDialog } from "./secret-dialog";
import { ShortList } from "./short-list";
import { TurnedOffWebhooks } from "./turned-off-webhooks";
import { useWebhookActions } from "./use-webhook-actions";

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: () => apiFetch<{ data: WebhookView[] }>("/api/v1/webhooks").then((r) => r.data),
    // Health changes as deliveries succeed and fail; keep the badges current while the page is open.
    refetchInterval: 3_000,
  });
}

export function WebhookList() {
  const t = useTranslations("webhooks");
  const errorMessage = useErrorMessage();
  const webhooks = useWebhooks();
  const [secret, setSecret] = useState<string | null>(null);

  if (webhooks.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (webhooks.error) return <Alert tone="error">{errorMessage(webhooks.error)}</Alert>;
  if (webhooks.data.length === 0) {
    return (
      <Card className="flex flex-col items-start gap-3">
        <h2 className="text-lg font-semibold">{t("emptyTitle")}</h2>
        <p className="max-w-2xl text-sm text-slate-600">{t("emptyBody")}</p>
        <GuideLink />
        <Link
          href="/settings/webhooks/new"
          className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white"
        >
          {t("emptyAction")}
        </Link>
      </Card>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <TurnedOffWebhooks webhooks={webhooks.data} />
      <Card>
        <table className="stack-table w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">{t("columnName")}</th>
              <th>{t("columnEvents")}</th>
              <th>{t("columnProjects")}</th>
              <th>{t("columnHealth")}</th>
              <th>{t("columnEnabled")}</th>
              <th>
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {webhooks.data.map((w) => (
              <WebhookRow key={w.id} webhook={w} onSecret={setSecret} />
            ))}
          </tbody>
        </table>
        <SecretDialog secret={secret} onDone={() => setSecret(null)} />
      </Card>
    </div>
  );
}

function WebhookRow({ webhook, onSecret }: { webhook: WebhookView; onSecret: (secret: string) => void }) {
  const t = useTranslations("webhooks");
  const tc = useTranslations("finish.confirm");
  const { action, sendTest, enabled, setEnabled } = useWebhookActions(webhook, onSecret);
  const eventText = useEventText();
  const projects = useProjectGroups();
  const projectNames = new Map(projects.data?.flatMap((g) => g.projects.map((p) => [p.id, p.name] as const)));
  return (
    <tr className="border-t border-slate-100 align-top">
      <td className="py-3 pr-3">
        <Link href={`/settings/webhooks/${webhook.id}`} className="font-medium text-brand-700 hover:underline">
          {webhook.name}
        </Link>
        <p className="break-all font-mono text-xs text-slate-500">{webhook.url}</p>
      </td>
      <td className="py-3" data-label={t("columnEvents")}>
        {webhook.allEvents ? t("allEvents") : <ShortList names={webhook.events.map(eventText.label)} />}
      </td>
      <td className="py-3" data-label={t("columnProjects")}>
        {webhook.allProjects ? (
          t("allProjects")
        ) : (
          <ShortList names={webhook.projectIds.map((id) => projectNames.get(id) ?? "…")} />
        )}
      </td>
      <td className="py-3" data-label={t("columnHealth")}>
        <HealthBadge state={webhook.state} />
      </td>
      <td className="py-3" data-label={t("columnEnabled")}>
        <Switch
          aria-label={t("enableLabel", { name: webhook.name })}
          checked={enabled}
          disabled={action.isPending}
          onCheckedChange={setEnabled}
        />
      </td>
      <td className="py-3">
        <div className="flex flex-wrap gap-2 md:flex-nowrap md:justify-end">
          <Link
            href={`/settings/webhooks/${webhook.id}/edit`}
            aria-label={`${t("edit")} ${webhook.name}`}
            className="rounded-md px-2 py-1 text-brand-700 hover:bg-brand-50"
          >
            {t("edit")}
          </Link>
          <Button variant="ghost" aria-label={`${t("sendTest")} ${webhook.name}`} onClick={() => sendTest.mutate()}>
            {t("sendTest")}
          </Button>
          <ConfirmButton
            variant="ghost"
            aria-label={`${t("rotate")} ${webhook.name}`}
            title={tc("rotateTitle")}
            question={t("rotateConfirm", { name: webhook.name })}
            confirmLabel={t("rotate")}
            onConfirm={() => action.mutate({ path: "/rotate-secret", method: "POST" })}
          >
            {t("rotate")}
          </ConfirmButton>
          <ConfirmButton
            variant="danger"
            aria-label={`${t("delete")} ${webhook.name}`}
            title={tc("deleteWebhookTitle")}
            question={t("deleteConfirm", { name: webhook.name })}
            confirmLabel={t("delete")}
            typeToConfirm={webhook.name}
            onConfirm={() => action.mutate({ path: "", method: "DELETE" })}
          >
            {t("delete")}
          </ConfirmButton>
        </div>
      </td>
    </tr>
  );
}
