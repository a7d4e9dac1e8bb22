"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckboxGroup } from "./checkbox-group";
import { ModeRadios } from "./mode-radios";
import { everyItemSelected, isGroupOpen, searchGroups } from "./picker-search";
import { SelectedSummary } from "./selected-summary";

export type PickerGroup = {
  id: string;
  title: string;
  selectAllLabel: string;
  /** Said instead of selectAllLabel while a search hides some of the group's items. */
  selectMatchingLabel?: (count: number) => string;
  /** Names the button that shows or hides the group's items. */
  toggleLabel: string;
  items: { id: string; label: string; detail?: string }[];
};

/** "All" or "let me choose", then searchable, collapsible checkbox groups with select-all per group. */
export function GroupedPicker({
  legend,
  name,
  allLabel,
  chooseLabel,
  searchLabel,
  groups,
  loading = false,
  loadingLabel,
  collapseAbove = Number.POSITIVE_INFINITY,
  allTickedHint,
  all,
  selected,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  allLabel: string;
  chooseLabel: string;
  searchLabel: string;
  groups: PickerGroup[];
  loading?: boolean;
  loadingLabel?: string;
  /** Above this many items in all, groups start collapsed so that the form stays short. */
  collapseAbove?: number;
  /** Shown when every item is ticked: what "all" would add. */
  allTickedHint?: string;
  all: boolean;
  selected: string[];
  onChange: (value: { all: boolean; selected: string[] }) => void;
  error?: string;
}) {
  const t = useTranslations("webhooks.form");
  const [query, setQuery] = useState("");
  const itemCount = groups.reduce((n, g) => n + g.items.length, 0);
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const filtered = searchGroups(groups, query);
  const labels = new Map(groups.flatMap((g) => g.items.map((i) => [i.id, i.label] as const)));
  const everythingTicked = everyItemSelected(groups, selected);
  const searching = query.trim() !== "";
  const isOpen = (id: string) => isGroupOpen({ searching, itemCount, collapseAbove, toggled: toggled.has(id) });

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{legend}</legend>
      <ModeRadios
        name={name}
        all={all}
        allLabel={allLabel}
        chooseLabel={chooseLabel}
        onChange={(nextAll) => onChange({ all: nextAll, selected })}
      />
      {!all ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <div className="flex items-center justify-between gap-3">
            <input
              type="search"
              aria-label={searchLabel}
              placeholder={searchLabel}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="w-64 min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
            <span className="text-xs text-slate-500">{t("selected", { count: selected.length })}</span>
          </div>
          {loading ? null : <SelectedSummary items={selected.map((id) => ({ id, label: labels.get(id) ?? id }))} />}
          {everythingTicked && allTickedHint ? (
            <p className="rounded-md bg-sky-50 px-3 py-2 text-xs text-sky-900" data-testid="all-ticked-hint">
              {allTickedHint}
            </p>
          ) : null}
          {loading ? (
            loadingLabel ? (
              <p role="status" className="text-sm text-slate-500">
                {loadingLabel}
              </p>
            ) : null
          ) : filtered.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noMatches")}</p>
          ) : null}
          <div className="grid gap-3 md:grid-cols-2">
            {filtered.map(({ narrowed, ...group }) => {
              return (
                <CheckboxGroup
                  key={group.id}
                  title={group.title}
                  selectAllLabel={
                    narrowed && group.selectMatchingLabel
                      ? group.selectMatchingLabel(group.items.length)
                      : group.selectAllLabel
                  }
                  note={
                    narrowed && group.selectMatchingLabel ? group.selectMatchingLabel(group.items.length) : undefined
                  }
                  open={isOpen(group.id)}
                  toggleLabel={group.toggleLabel}
                  onToggle={
                    searching
                      ? undefined
                      : () =>
                          setToggled((current) => {
                            const next = new Set(current);
                            if (!next.delete(group.id)) next.add(group.id);
                            return next;
                          })
                  }
                  items={group.items}
                  selected={selected}
                  onChange={(next) => onChange({ all: false, selected: next })}
                />
              );
            })}
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
