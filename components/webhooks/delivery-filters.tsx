"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { EVENT_TYPES, HEALTH_CHECK_EVENT } from "@/lib/events/catalog";
import { DELIVERY_STATUSES } from "@/lib/validations/delivery";
import { useEventText } from "../i18n/use-event-text";
import { FilterSelect } from "../ui/filter-select";
import type { DeliveryFilters } from "./delivery-queries";
import { ProjectFilter } from "./project-filter";

/** The log's filters, kept in the page's address so that a link or a reload shows the same rows. */
export function useDeliveryFilters() {
  const pathname = usePathname();
  const params = useSearchParams();
  const filters: DeliveryFilters = {
    status: params.get("status") ?? "",
    eventType: params.get("eventType") ?? "",
    range: params.get("range") ?? "",
    projectId: params.get("projectId") ?? "",
  };
  const setFilter = (key: keyof DeliveryFilters, value: string) => {
    // Straight into the URL, which Next.js syncs with useSearchParams: the log is fetched here, so
    // no server round trip, and a second quick change reads the first (a router.replace commits
    // only after its server response, so the second change undid the first).
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    window.history.replaceState(null, "", `${pathname}?${next}`);
  };
  return { filters, setFilter };
}

/** Status, event, project (searchable: people have hundreds) and time range. */
export function DeliveryFilterBar({
  filters,
  onChange,
}: {
  filters: DeliveryFilters;
  onChange: (key: keyof DeliveryFilters, value: string) => void;
}) {
  const t = useTranslations("webhookPage");
  const statuses = useTranslations("deliveryStatus");
  const eventText = useEventText();
  return (
    <div className="grid w-full grid-cols-1 gap-2 text-sm sm:flex sm:w-auto sm:flex-wrap sm:items-center sm:gap-3">
      <FilterSelect label={t("filterStatus")} value={filters.status} onChange={(v) => onChange("status", v)}>
        <option value="">{t("allStatuses")}</option>
        {DELIVERY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statuses(s)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t("filterEvent")} value={filters.eventType} onChange={(v) => onChange("eventType", v)}>
        <option value="">{t("allEvents")}</option>
        {[HEALTH_CHECK_EVENT, ...EVENT_TYPES].map((type) => (
          <option key={type} value={type} title={type}>
            {eventText.label(type)}
          </option>
        ))}
      </FilterSelect>
      <ProjectFilter value={filters.projectId} onChange={(v) => onChange("projectId", v)} />
      <FilterSelect label={t("filterRange")} value={filters.range} onChange={(v) => onChange("range", v)}>
        <option value="">{t("rangeAll")}</option>
        <option value="1h">{t("range1h")}</option>
        <option value="24h">{t("range24h")}</option>
        <option value="7d">{t("range7d")}</option>
      </FilterSelect>
    </div>
  );
}
