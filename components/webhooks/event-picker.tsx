"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { eventTypeKeys } from "@/lib/client/query-keys";
import type { groupedEventTypes } from "@/lib/events/catalog";
import { CheckboxGroup } from "./checkbox-group";
import { ModeRadios } from "./mode-radios";

type Groups = ReturnType<typeof groupedEventTypes>;

/** "All events" or a hand-picked set, chosen from the catalog's groups. */
export function EventPicker({
  all,
  selected,
  onChange,
  error,
}: {
  all: boolean;
  selected: string[];
  onChange: (value: { all: boolean; selected: string[] }) => void;
  error?: string;
}) {
  const t = useTranslations("webhooks.form");
  const [query, setQuery] = useState("");
  const groups = useQuery({
    queryKey: eventTypeKeys.list(),
    queryFn: () => apiFetch<{ data: Groups }>("/api/v1/event-types").then((r) => r.data),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const q = query.trim().toLowerCase();
  const filtered = (groups.data ?? [])
    .map((g) => ({
      ...g,
      events: g.events.filter(
        (e) =>
          !q ||
          e.label.toLowerCase().includes(q) ||
          e.type.toLowerCase().includes(q) ||
          g.label.toLowerCase().includes(q),
      ),
    }))
    .filter((g) => g.events.length > 0);

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{t("events")}</legend>
      <ModeRadios
        name="event-mode"
        all={all}
        allLabel={t("allEvents")}
        chooseLabel={t("chooseEvents")}
        onChange={(nextAll) => onChange({ all: nextAll, selected })}
      />
      {!all ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <div className="flex items-center justify-between gap-3">
            <input
              type="search"
              aria-label={t("searchEvents")}
              placeholder={t("searchEvents")}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
            <span className="text-xs text-slate-500">{t("selected", { count: selected.length })}</span>
          </div>
          {filtered.length === 0 ? <p className="text-sm text-slate-500">{t("noMatches")}</p> : null}
          <div className="grid gap-3 md:grid-cols-2">
            {filtered.map((group) => (
              <CheckboxGroup
                key={group.id}
                title={group.label}
                selectAllLabel={t("selectAll", { group: group.label })}
                items={group.events.map((e) => ({ id: e.type, label: e.label, detail: e.type }))}
                selected={selected}
                onChange={(next) => onChange({ all: false, selected: next })}
              />
            ))}
          </div>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
