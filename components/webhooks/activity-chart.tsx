"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Card } from "../ui/card";
import { SkeletonBar } from "../ui/skeleton";
import { type ActivityRange, useWebhookActivity } from "./queries";

const W = 720;
const H = 140;

/** Hours between the time axis's labels, per range: every 6 hours over a day, every day over a week. */
const TICK_HOURS = { "24h": 6, "7d": 24 } as const;
const TICK_FORMAT = {
  "24h": { hour: "numeric", minute: "2-digit" },
  "7d": { weekday: "short", hour: "numeric" },
} as const;

/** Stacked bars of attempts per hour (delivered / failed) and a line of median latency. */
export function ActivityChart({ webhookId }: { webhookId: string }) {
  const t = useTranslations("webhookPage");
  const tf = useTranslations("finish.chart");
  const tl = useTranslations("loading");
  const format = useFormatter();
  const [range, setRange] = useState<ActivityRange>("24h");
  const activity = useWebhookActivity(webhookId, range);
  const buckets = activity.data?.buckets ?? [];
  const maxCount = Math.max(1, ...buckets.map((b) => b.ok + b.failed));
  const maxLatency = Math.max(1, ...buckets.map((b) => b.p50LatencyMs ?? 0));
  const bw = buckets.length ? W / buckets.length : W;
  const y = (n: number) => (n / maxCount) * (H - 10);
  const line = buckets
    .map((b, i) =>
      b.p50LatencyMs === null ? null : `${i * bw + bw / 2},${H - (b.p50LatencyMs / maxLatency) * (H - 10)}`,
    )
    .filter(Boolean)
    .join(" ");
  const totals = buckets.reduce((a, b) => ({ ok: a.ok + b.ok, failed: a.failed + b.failed }), { ok: 0, failed: 0 });
  const tickEvery = TICK_HOURS[range];
  const ticks = buckets.filter((_, i) => i % tickEvery === 0);
  const empty = activity.isSuccess && totals.ok + totals.failed === 0;
  return (
    <Card>
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-lg font-semibold">{t("activity")}</h2>
        <fieldset className="flex gap-1 text-sm">
          <legend className="sr-only">{t("activityRange")}</legend>
          {(["24h", "7d"] as const).map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={range === r}
              onClick={() => setRange(r)}
              className={`rounded px-2 py-1 ${range === r ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {r}
            </button>
          ))}
        </fieldset>
      </div>
      {activity.isPending ? (
        <div aria-busy="true">
          <p role="status" className="sr-only">
            {tl("activity")}
          </p>
          <SkeletonBar className="h-36 w-full" />
        </div>
      ) : empty ? (
        <p
          data-testid="activity-empty"
          className="flex h-36 items-center justify-center rounded-md border border-dashed border-slate-300 px-4 text-center text-sm text-slate-600"
        >
          {tf(range === "24h" ? "empty24h" : "empty7d")}
        </p>
      ) : (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} className="h-36 w-full" role="img" aria-label={t("activitySummary", totals)}>
            {buckets.map((b, i) => (
              <g key={b.hour}>
                <title>
                  {`${format.dateTime(new Date(b.hour), { dateStyle: "short", timeStyle: "short" })}: ${b.ok} ✓, ${b.failed} ✗${b.p50LatencyMs === null ? "" : `, p50 ${b.p50LatencyMs} ms`}`}
                </title>
                <rect
                  x={i * bw + 1}
                  width={Math.max(bw - 2, 1)}
                  y={H - y(b.ok)}
                  height={y(b.ok)}
                  className="fill-emerald-500"
                />
                <rect
                  x={i * bw + 1}
                  width={Math.max(bw - 2, 1)}
                  y={H - y(b.ok) - y(b.failed)}
                  height={y(b.failed)}
                  className="fill-red-500"
                />
              </g>
            ))}
            {line ? <polyline points={line} fill="none" className="stroke-brand-700" strokeWidth={1.5} /> : null}
            {ticks.map((b, i) => (
              <line
                key={b.hour}
                x1={i * tickEvery * bw}
                x2={i * tickEvery * bw}
                y1={H - 6}
                y2={H}
                className="stroke-slate-400"
                strokeWidth={1}
              />
            ))}
          </svg>
          {/* The time axis: one label at the start of each equal slice, as HTML so it stays readable when
              the chart is scaled down to a phone. */}
          <ol
            aria-label={tf("axis")}
            className={`grid border-t border-slate-300 pt-1 text-[11px] text-slate-600 ${range === "24h" ? "grid-cols-4" : "grid-cols-7"}`}
          >
            {ticks.map((b) => (
              <li key={b.hour} className="truncate">
                <time dateTime={b.hour}>{format.dateTime(new Date(b.hour), TICK_FORMAT[range])}</time>
              </li>
            ))}
          </ol>
        </>
      )}
      {empty || activity.isPending ? null : <p className="mt-2 text-xs text-slate-600">{t("activityLegend")}</p>}
    </Card>
  );
}
