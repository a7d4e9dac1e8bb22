"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { deliveryKeys } from "@/lib/client/query-keys";
import type { replayProgressResponse } from "@/lib/validations/webhook";
import { Button } from "../ui/button";

type Progress = z.output<typeof replayProgressResponse>;

/** A running replay: a progress bar that follows it, and a way to stop it. */
export function ReplayProgress({ jobId }: { jobId: string }) {
  const t = useTranslations("webhookPage");
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: [...deliveryKeys.all, "replay", jobId],
    queryFn: () => apiFetch<Progress>(`/api/v1/replays/${jobId}`),
    refetchInterval: (q) => (q.state.data?.state === "running" ? 1_000 : false),
  });
  const cancel = useMutation({
    mutationFn: () => apiFetch<Progress>(`/api/v1/replays/${jobId}/cancel`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
  const p = progress.data;
  if (!p) return null;
  const done = p.delivered + p.failed;
  return (
    <div className="flex items-center gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <div className="flex-1">
        <p>
          {p.state === "cancelled" ? t("replayCancelled") : p.state === "finished" ? t("replayFinished") : null}{" "}
          {t("replayProgress", { done: p.delivered, total: p.total, failed: p.failed })}
        </p>
        <progress
          className="mt-1 h-2 w-full"
          max={Math.max(p.total, 1)}
          value={done}
          aria-label={t("replayProgress", { done: p.delivered, total: p.total, failed: p.failed })}
        />
      </div>
      {p.state === "running" ? (
        <Button variant="secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {t("replayCancel")}
        </Button>
      ) : null}
    </div>
  );
}
