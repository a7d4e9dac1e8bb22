"use client";

import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { useCancelReplay, useReplayProgress } from "./delivery-queries";

/** A running replay: a progress bar that follows it, and a way to stop it. */
export function ReplayProgress({ jobId }: { jobId: string }) {
  const t = useTranslations("webhookPage");
  const progress = useReplayProgress(jobId);
  const cancel = useCancelReplay(jobId);
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
