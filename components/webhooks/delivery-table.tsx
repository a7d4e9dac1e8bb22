"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useEventText } from "../i18n/use-event-text";
import { useRelativeTime } from "../i18n/use-relative-time";
import { useProjectGroups } from "../projects/queries";
import type { DeliveryRow } from "./delivery-queries";

const STATUS_STYLES: Record<string, string> = {
  DELIVERED: "bg-emerald-100 text-emerald-800",
  FAILED: "bg-red-100 text-red-800",
  RETRYING: "bg-amber-100 text-amber-900",
  PENDING: "bg-sky-100 text-sky-800",
  SKIPPED: "bg-slate-200 text-slate-700",
};

// On phones each row is a card: cells stack, each after its column's name (from data-label), so
// nothing is cut off or scrolls sideways; from "sm" up it is a plain table.
const LABELLED_CELL =
  "max-sm:grid max-sm:grid-cols-[6.5rem_minmax(0,1fr)] max-sm:gap-2 max-sm:before:text-xs max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]";

/** The log's rows: status, event (opens the attempts), project, record, time, attempts, latency. */
export function DeliveryTable({ rows, onOpen }: { rows: DeliveryRow[]; onOpen: (deliveryId: string) => void }) {
  const t = useTranslations("webhookPage");
  const projects = useProjectGroups();
  const projectNames = useMemo(
    () => new Map((projects.data ?? []).flatMap((g) => g.projects.map((p) => [p.id, p.name] as const))),
    [projects.data],
  );
  return (
    <div className="sm:overflow-x-auto">
      <table className="w-full text-left text-sm max-sm:block">
        <thead className="text-xs uppercase text-slate-500 max-sm:hidden">
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
        <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-2">
          {rows.map((d) => (
            <DeliveryTableRow
              key={d.id}
              delivery={d}
              projectName={
                d.projectId ? (projectNames.get(d.projectId) ?? (projects.isPending ? "" : t("unknownProject"))) : ""
              }
              onOpen={() => onOpen(d.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeliveryTableRow({
  delivery: d,
  projectName,
  onOpen,
}: {
  delivery: DeliveryRow;
  projectName: string;
  onOpen: () => void;
}) {
  const t = useTranslations("webhookPage");
  const statuses = useTranslations("deliveryStatus");
  const format = useFormatter();
  const relative = useRelativeTime();
  const eventText = useEventText();
  return (
    <tr
      className="border-t border-slate-100 max-sm:flex max-sm:flex-col max-sm:gap-1.5 max-sm:rounded-md max-sm:border max-sm:border-slate-200 max-sm:p-3"
      data-testid="delivery-row"
    >
      <td className="py-2 max-sm:py-0">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[d.status]}`}>
          {statuses(d.status)}
        </span>
      </td>
      <td className="min-w-0 break-words">
        <button
          type="button"
          className="text-left text-brand-700 underline"
          title={d.eventType}
          aria-label={t("view", { event: eventText.label(d.eventType) })}
          onClick={onOpen}
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
            {t("nextRetry", { time: relative.until(new Date(d.nextAttemptAt)) })}
          </span>
        ) : null}
      </td>
      {d.kind === "event" ? (
        <>
          <td className={`break-words ${LABELLED_CELL}`} data-label={t("columnProject")}>
            {projectName}
          </td>
          <td
            className={`break-words sm:max-w-48 sm:truncate ${LABELLED_CELL}`}
            data-label={t("columnRecord")}
            title={d.todoTitle ?? undefined}
          >
            {d.todoTitle ?? ""}
          </td>
        </>
      ) : (
        <td colSpan={2} className="text-xs text-slate-500">
          {t(`kindNote.${d.kind}`)}
        </td>
      )}
      <td className={LABELLED_CELL} data-label={t("columnTime")}>
        {format.dateTime(new Date(d.createdAt), { dateStyle: "short", timeStyle: "medium" })}
      </td>
      <td className={LABELLED_CELL} data-label={t("columnAttempts")}>
        {d.attemptCount}
      </td>
      <td className={LABELLED_CELL} data-label={t("columnLatency")}>
        {d.lastLatencyMs === null ? "—" : `${d.lastLatencyMs} ms`}
      </td>
    </tr>
  );
}
