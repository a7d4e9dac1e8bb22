"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-client";
import { eventTypeKeys } from "@/lib/client/query-keys";
import type { groupedEventTypes } from "@/lib/events/catalog";
import { useEventText } from "../i18n/use-event-text";
import { GroupedPicker } from "../ui/grouped-picker";

type Groups = ReturnType<typeof groupedEventTypes>;

/** "All events" or a hand-picked set, chosen from the catalog's groups. */
export function EventPicker(props: {
  all: boolean;
  selected: string[];
  onChange: (value: { all: boolean; selected: string[] }) => void;
  error?: string;
}) {
  const t = useTranslations("webhooks.form");
  const tp = useTranslations("pickerScale");
  const eventText = useEventText();
  const groups = useQuery({
    queryKey: eventTypeKeys.list(),
    queryFn: () => apiFetch<{ data: Groups }>("/api/v1/event-types").then((r) => r.data),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <GroupedPicker
      {...props}
      legend={t("events")}
      name="event-mode"
      allLabel={t("allEvents")}
      chooseLabel={t("chooseEvents")}
      searchLabel={t("searchEvents")}
      loading={groups.isPending}
      groups={(groups.data ?? []).map((g) => ({
        id: g.id,
        title: eventText.group(g.id),
        toggleLabel: eventText.group(g.id),
        selectAllLabel: t("selectAll", { group: eventText.group(g.id) }),
        selectMatchingLabel: (count: number) => tp("selectMatchingEvents", { count, group: eventText.group(g.id) }),
        items: g.events.map((e) => ({ id: e.type, label: eventText.label(e.type), detail: e.type })),
      }))}
    />
  );
}
