"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { deliveryKeys, webhookKeys } from "@/lib/client/query-keys";
import type { webhookDetailResponse } from "@/lib/validations/webhook";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { PageHeader } from "../ui/page-header";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import { ActivityChart } from "./activity-chart";
import { DeliveryLog } from "./delivery-log";
import { HealthCard } from "./health-card";
import { ReplayProgress } from "./replay-progress";

type Detail = z.output<typeof webhookDetailResponse>;

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
  const replay = useMutation({
    mutationFn: () =>
      apiFetch<{ id: string; total: number }>(`/api/v1/webhooks/${id}/replay`, {
        body: { since: new Date(Date.now() - 24 * 3_600_000).toISOString() },
      }),
    onSuccess: (r) => {
      toast("success", t("replayed", { count: r.total }));
      return queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
    },
    onError: (error) => toast("error", errorMessage(error)),
  });
  if (webhook.isPending) return null;
  if (webhook.error) return <Alert tone="error">{errorMessage(webhook.error)}</Alert>;
  const w = webhook.data;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={w.name}
        subtitle={w.url}
        actions={
          <div className="flex gap-2">
            <Link href="/settings/webhooks" className="rounded-md px-3 py-2 text-sm text-brand-700 hover:bg-brand-50">
              {t("back")}
            </Link>
            <Link
              href={`/settings/webhooks/${w.id}/edit`}
              className="rounded-md px-3 py-2 text-sm text-brand-700 hover:bg-brand-50"
            >
              {tw("edit")}
            </Link>
            <Button variant="secondary" onClick={() => replay.mutate()} disabled={replay.isPending || !w.enabled}>
              {t("replay")}
            </Button>
          </div>
        }
      />
      {replay.data ? <ReplayProgress jobId={replay.data.id} /> : null}
      <HealthCard health={w.health} />
      <ActivityChart webhookId={w.id} />
      <DeliveryLog webhookId={w.id} />
    </div>
  );
}
