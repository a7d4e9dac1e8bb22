"use client";

import { useTranslations } from "next-intl";
import { useEventTypeGroups } from "../event-types/queries";
import { useEventText } from "../i18n/use-event-text";
import { GroupedPicker } from "../ui/grouped-picker";

/** "All events" or a hand-picked set, chosen from the catalog's groups. */
export function EventPicker(props: {
  all: boolean;
  selected: string[];
  onChange: (value: { all: boolean; selected: string[] }) => void;
  error?: string;
}) {
  const t = useTranslations("webhooks.form");
  const tl = useTranslations("loading");
  const tp = useTranslations("pickerScale");
  const eventText = useEventText();
  const groups = useEventTypeGroups();
  return (
    <GroupedPicker
      {...props}
      legend={t("events")}
      name="event-mode"
      allLabel={t("allEvents")}
      chooseLabel={t("chooseEvents")}
      searchLabel={t("searchEvents")}
      loading={groups.isPending}
      loadingLabel={tl("events")}
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
