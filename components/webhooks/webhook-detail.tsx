"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { deliveryKeys, webhookKeys } from "@/lib/client/query-keys";
import type { webhookDetailResponse } from "@/lib/validations/webhook";
import { useEventText } from "../i18n/use-event-text";
import { useProjectGroups } from "../project-groups";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmButton } from "../ui/confirm-button";
import { PageHeader } from "../ui/page-header";
import { Switch } from "../ui/switch";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import { AccessIssues } from "./access-issues";
import { ActivityChart } from "./activity-chart";
import { DeliveryLog } from "./delivery-log";
import { DisabledBanner } from "./disabled-banner";
import { HealthCard } from "./health-card";
import { ReplayProgress } from "./replay-progress";
import { SecretDialog } from "./secret-dialog";
import { useWebhookActions } from "./use-webhook-actions";

type Detail = z.output<typeof webhookDetailResponse>;

/** Project names listed on the configuration card before "and N more". */
const SHOWN_PROJECTS = 10;

export function WebhookDetail({ id }: { id: string }) {
  const t = useTranslations("webhookPage");
  const tw = useTranslations("webhooks");
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const webhook = useQuery({
    queryKey: webhookKeys.detail(id),
    queryFn: () => apiFetch<Detail>(`/api/v1/webhooks/${id}`),
    refetchInterval: 3_000,
  });
  const [replayHours, setReplayHours] = useState(24);
  const replay = useMutation({
    mutationFn: () =>
      apiFetch<{ id: string; total: number }>(`/api/v1/webhooks/${id}/replay`, {
        body: { since: new Date(Date.now() - replayHours * 3_600_000).toISOString() },
      }),
    onSuccess: (r) => {
      toast("success", t("replayed", { count: r.total }));
      return queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
    },
    onError: (error) => toast("error", errorMessage(error)),
  });
  if (webhook.isPending) return <WebhookDetailSkeleton />;
  if (webhook.error) return <Alert tone="error">{errorMessage(webhook.error)}</Alert>;
  const w = webhook.data;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={w.name}
        subtitle={w.url}
        actions={
          <div className="flex flex-wrap items-end gap-2">
            <Link href="/settings/webhooks" className="rounded-md px-3 py-2 text-sm text-brand-700 hover:bg-brand-50">
              {t("back")}
            </Link>
            <Link
              href={`/settings/webhooks/${w.id}/edit`}
              className="rounded-md px-3 py-2 text-sm text-brand-700 hover:bg-brand-50"
            >
              {tw("edit")}
            </Link>
            <ReplayControls
              hours={replayHours}
              onHours={setReplayHours}
              onReplay={() => replay.mutate()}
              pending={replay.isPending}
              enabled={w.enabled}
            />
          </div>
        }
      />
      <DisabledBanner webhook={w} />
      <AccessIssues issues={w.accessIssues} />
      {replay.data ? <ReplayProgress jobId={replay.data.id} /> : null}
      <ConfigurationCard webhook={w} />
      <HealthCard health={w.health} />
      <ActivityChart webhookId={w.id} />
      <DeliveryLog webhookId={w.id} />
    </div>
  );
}

/**
 * Replays skipped and failed deliveries from a chosen time on. A webhook that is off cannot replay;
 * the controls say so instead of only greying out.
 */
function ReplayControls({
  hours,
  onHours,
  onReplay,
  pending,
  enabled,
}: {
  hours: number;
  onHours: (hours: number) => void;
  onReplay: () => void;
  pending: boolean;
  enabled: boolean;
}) {
  const t = useTranslations("webhookPage");
  const tf = useTranslations("finish.replay");
  const selectId = useId();
  const whyId = useId();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-0.5">
          <label htmlFor={selectId} className="text-xs font-medium text-slate-600">
            {t("replayRange")}
          </label>
          <select
            id={selectId}
            value={hours}
            onChange={(e) => onHours(Number(e.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
          >
            <option value={1}>{t("range1h")}</option>
            <option value={24}>{t("range24h")}</option>
            <option value={168}>{t("range7d")}</option>
          </select>
        </div>
        <Button
          variant="secondary"
          onClick={onReplay}
          disabled={pending || !enabled}
          aria-describedby={enabled ? undefined : whyId}
        >
          {t("replay")}
        </Button>
      </div>
      {enabled ? null : (
        <p id={whyId} className="max-w-xs text-xs text-slate-600">
          {tf("unavailableWhileOff")}
        </p>
      )}
    </div>
  );
}

/** The page's shape while the webhook loads, so it is not blank below the header. */
function WebhookDetailSkeleton() {
  const t = useTranslations("webhookPage");
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="flex flex-col gap-2" data-testid="webhook-skeleton">
        <div className="h-7 w-64 max-w-full animate-pulse rounded bg-slate-200" />
        <div className="h-4 w-96 max-w-full animate-pulse rounded bg-slate-100" />
      </div>
      {[0, 1, 2].map((card) => (
        <Card key={card}>
          <div className="mb-3 h-5 w-40 animate-pulse rounded bg-slate-200" />
          <div className="flex flex-col gap-2">
            <div className="h-4 w-full animate-pulse rounded bg-slate-100" />
            <div className="h-4 w-2/3 animate-pulse rounded bg-slate-100" />
          </div>
        </Card>
      ))}
    </div>
  );
}

function ConfigurationCard({ webhook }: { webhook: Detail }) {
  const t = useTranslations("webhookPage");
  const tw = useTranslations("webhooks");
  const tf = useTranslations("finish");
  const eventText = useEventText();
  const errorMessage = useErrorMessage();
  const projects = useProjectGroups();
  const projectNames = new Map(projects.data?.flatMap((g) => g.projects.map((p) => [p.id, p.name] as const)));
  const [secret, setSecret] = useState<string | null>(null);
  const { action, sendTest, enabled, setEnabled, testEvents, testEvent, setTestEvent } = useWebhookActions(
    webhook,
    setSecret,
  );
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t("configuration")}</h2>
      <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs text-slate-500">{t("events")}</dt>
          <dd data-testid="configured-events">
            {webhook.allEvents ? (
              tw("allEvents")
            ) : (
              <ul className="flex flex-col gap-1">
                {webhook.events.map((type) => (
                  <li key={type}>
                    {eventText.label(type)}
                    <span className="block font-mono text-[11px] text-slate-500">{type}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("projects")}</dt>
          <dd data-testid="configured-projects">
            {webhook.allProjects ? (
              tw("allProjects")
            ) : (
              <ul className="flex flex-col gap-1">
                {webhook.projectIds.slice(0, SHOWN_PROJECTS).map((id) => (
                  <li key={id}>{projectNames.get(id) ?? (projects.isPending ? "…" : t("unknownProject"))}</li>
                ))}
                {webhook.projectIds.length > SHOWN_PROJECTS ? (
                  <li className="text-slate-500">
                    {t("moreProjects", { count: webhook.projectIds.length - SHOWN_PROJECTS })}
                  </li>
                ) : null}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <Switch label={t("enabled")} checked={enabled} disabled={action.isPending} onCheckedChange={setEnabled} />
        <span className="flex min-w-0 items-center gap-2">
          <select
            aria-label={t("testEvent")}
            value={testEvent}
            onChange={(e) => setTestEvent(e.target.value)}
            className="min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            {testEvents.map((type) => (
              <option key={type} value={type} title={type}>
                {eventText.label(type)}
              </option>
            ))}
          </select>
          <Button variant="secondary" onClick={() => sendTest.mutate()} disabled={sendTest.isPending}>
            {tw("sendTest")}
          </Button>
        </span>
        <ConfirmButton
          variant="secondary"
          title={tf("confirm.rotateTitle")}
          question={tw("rotateConfirm", { name: webhook.name })}
          confirmLabel={tw("rotate")}
          onConfirm={() => action.mutate({ path: "/rotate-secret", method: "POST" })}
        >
          {tw("rotate")}
        </ConfirmButton>
      </div>
      {action.error ? (
        <div className="mt-3" data-testid="action-error">
          <Alert tone="error">{errorMessage(action.error)}</Alert>
        </div>
      ) : null}
      <SecretDialog secret={secret} onDone={() => setSecret(null)} />
    </Card>
  );
}
