"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { deliveryKeys } from "@/lib/client/query-keys";
import { EVENT_TYPES, HEALTH_CHECK_EVENT } from "@/lib/events/catalog";
import { DELIVERY_STATUSES, type deliveryListResponse } from "@/lib/validations/delivery";
import { useEventText } from "../i18n/use-event-text";
import { useProjectGroups } from "../project-groups";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useErrorMessage } from "../use-error-message";
import { DeliveryPanel } from "./delivery-panel";

type Page = z.output<typeof deliveryListResponse>;

/** Above this many projects the project filter gets a search box. */
const SEARCHABLE_ABOVE = 20;

const RANGES: Record<string, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 };

const STATUS_STYLES: Record<string, string> = {
  DELIVERED: "bg-emerald-100 text-emerald-800",
  FAILED: "bg-red-100 text-red-800",
  RETRYING: "bg-amber-100 text-amber-900",
  PENDING: "bg-sky-100 text-sky-800",
  SKIPPED: "bg-slate-200 text-slate-700",
};

/** The delivery log: status filter kept in the URL, keyset pages, live while anything retries. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const t = useTranslations("webhookPage");
  const statuses = useTranslations("deliveryStatus");
  const tf = useTranslations("webhooks.form");
  const format = useFormatter();
  const eventText = useEventText();
  const errorMessage = useErrorMessage();
  const pathname = usePathname();
  const params = useSearchParams();
  const status = params.get("status") ?? "";
  const eventType = params.get("eventType") ?? "";
  const range = params.get("range") ?? "";
  const projectId = params.get("projectId") ?? "";
  const [open, setOpen] = useState<string | null>(null);
  const projects = useProjectGroups();
  // Hundreds of projects make a drop-down too long to scan: a search narrows its options (the
  // chosen one stays, so the select never shows a value it does not list).
  const [projectQuery, setProjectQuery] = useState("");
  const projectCount = projects.data?.reduce((n, g) => n + g.projects.length, 0) ?? 0;
  const q = projectQuery.trim().toLowerCase();
  const projectOptions = (projects.data ?? [])
    .map((g) => ({
      ...g,
      projects: g.projects.filter(
        (p) => !q || p.id === projectId || p.name.toLowerCase().includes(q) || g.company.name.toLowerCase().includes(q),
      ),
    }))
    .filter((g) => g.projects.length > 0);
  const projectName = (id: string | null) =>
    projects.data?.flatMap((g) => g.projects).find((p) => p.id === id)?.name ?? (id ? "—" : "");
  const setFilter = (key: string, value: string) => {
    // Straight into the URL, which Next.js syncs with useSearchParams: the log is fetched here, so
    // no server round trip, and a second quick change reads the first (a router.replace commits
    // only after its server response, so the second change undid the first).
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    window.history.replaceState(null, "", `${pathname}?${next}`);
  };
  const log = useInfiniteQuery({
    queryKey: deliveryKeys.list(webhookId, { status, eventType, range, projectId }),
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: "25" });
      if (status) q.set("status", status);
      if (eventType) q.set("eventType", eventType);
      if (projectId) q.set("projectId", projectId);
      if (range in RANGES) q.set("since", new Date(Date.now() - RANGES[range]).toISOString());
      if (pageParam) q.set("cursor", pageParam);
      return apiFetch<Page>(`/api/v1/webhooks/${webhookId}/deliveries?${q}`);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.data.some((d) => d.status === "RETRYING" || d.status === "PENDING"))
        ? 2_000
        : 10_000,
  });
  const rows = log.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("deliveries")}</h2>
        <div className="grid w-full grid-cols-1 gap-2 text-sm sm:flex sm:w-auto sm:flex-wrap sm:items-center sm:gap-3">
          <FilterSelect label={t("filterStatus")} value={status} onChange={(v) => setFilter("status", v)}>
            <option value="">{t("allStatuses")}</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statuses(s)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label={t("filterEvent")} value={eventType} onChange={(v) => setFilter("eventType", v)}>
            <option value="">{t("allEvents")}</option>
            {[HEALTH_CHECK_EVENT, ...EVENT_TYPES].map((type) => (
              <option key={type} value={type} title={type}>
                {eventText.label(type)}
              </option>
            ))}
          </FilterSelect>
          {projectCount > SEARCHABLE_ABOVE ? (
            <input
              type="search"
              aria-label={tf("searchProjects")}
              placeholder={tf("searchProjects")}
              value={projectQuery}
              onChange={(e) => setProjectQuery(e.target.value)}
              className="min-w-0 rounded-md border border-slate-300 px-2 py-1 sm:w-40"
            />
          ) : null}
          <FilterSelect label={t("filterProject")} value={projectId} onChange={(v) => setFilter("projectId", v)}>
            <option value="">{t("allProjects")}</option>
            {projectOptions.map((g) => (
              <optgroup key={g.company.id} label={g.company.name}>
                {g.projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </FilterSelect>
          <FilterSelect label={t("filterRange")} value={range} onChange={(v) => setFilter("range", v)}>
            <option value="">{t("rangeAll")}</option>
            <option value="1h">{t("range1h")}</option>
            <option value="24h">{t("range24h")}</option>
            <option value="7d">{t("range7d")}</option>
          </FilterSelect>
        </div>
      </div>
      {log.error ? <Alert tone="error">{errorMessage(log.error)}</Alert> : null}
      {!log.isPending && rows.length === 0 ? <p className="text-sm text-slate-600">{t("noDeliveries")}</p> : null}
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">{t("columnStatus")}</th>
                <th>{t("columnEvent")}</th>
                <th>{t("columnProject")}</th>
                <th>{t("columnRecord")}</th>
                <th>{t("columnTime")}</th>
                <th>{t("columnAttempts")}</th>
                <th>{t("columnLatency")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} className="border-t border-slate-100" data-testid="delivery-row">
                  <td className="py-2">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[d.status]}`}>
                      {statuses(d.status)}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="text-left text-brand-700 underline"
                      title={d.eventType}
                      aria-label={t("view", { event: eventText.label(d.eventType) })}
                      onClick={() => setOpen(d.id)}
                    >
                      {eventText.label(d.eventType)}
                    </button>
                    {d.kind !== "event" ? (
                      <span
                        className="ml-2 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800"
                        data-testid="delivery-kind"
                      >
                        {t(`kind.${d.kind}`)}
                      </span>
                    ) : null}
                    <span className="block font-mono text-[11px] text-slate-500">{d.eventType}</span>
                    {d.nextAttemptAt && d.status === "RETRYING" ? (
                      <span className="block text-xs text-slate-500">
                        {t("nextRetry", { time: format.relativeTime(new Date(d.nextAttemptAt)) })}
                      </span>
                    ) : null}
                  </td>
                  {d.kind === "event" ? (
                    <>
                      <td>{projectName(d.projectId)}</td>
                      <td className="max-w-48 truncate" title={d.todoTitle ?? undefined}>
                        {d.todoTitle ?? ""}
                      </td>
                    </>
                  ) : (
                    <td colSpan={2} className="text-xs text-slate-500">
                      {t(`kindNote.${d.kind}`)}
                    </td>
                  )}
                  <td>{format.dateTime(new Date(d.createdAt), { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td>{d.attemptCount}</td>
                  <td>{d.lastLatencyMs === null ? "—" : `${d.lastLatencyMs} ms`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log.hasNextPage ? (
        <div className="mt-3">
          <Button variant="secondary" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {t("loadMore")}
          </Button>
        </div>
      ) : null}
      <DeliveryPanel deliveryId={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <label className="flex min-w-0 items-center gap-2">
      <span className="w-20 shrink-0 sm:w-auto">{label}</span>
      <select
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 sm:max-w-56 sm:flex-none"
      >
        {children}
      </select>
    </label>
  );
}
