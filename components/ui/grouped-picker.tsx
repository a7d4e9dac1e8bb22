"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { CheckboxGroup } from "./checkbox-group";
import { ModeRadios } from "./mode-radios";
import { everyItemSelected, isGroupOpen, searchGroups, toggleShown } from "./picker-search";
import { SelectedChips } from "./selected-chips";

export type PickerGroup = {
  id: string;
  title: string;
  selectAllLabel: string;
  /** Names select-all while a search hides some of the group's items: it then ticks only the matches. */
  selectMatchingLabel?: (count: number) => string;
  /** Names the button that shows or hides the group's items. */
  toggleLabel: string;
  items: { id: string; label: string; detail?: string }[];
};

/**
 * "All" or "let me choose", then the chosen items as removable chips, a search, and collapsible
 * checkbox groups with select-all per group. Large pickers start collapsed and scroll inside a
 * bounded area, so that hundreds of items never stretch the form.
 */
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
  unknownItemLabel,
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
  /** Above this many items in all, groups start collapsed and the groups scroll in a bounded area. */
  collapseAbove?: number;
  /** Shown when every item is ticked: what "all" would add; comes with a button that switches to it. */
  allTickedHint?: string;
  /** A chip's name for a chosen item the groups do not hold (e.g. a project one can no longer see). */
  unknownItemLabel?: string;
  all: boolean;
  selected: string[];
  onChange: (value: { all: boolean; selected: string[] }) => void;
  error?: string;
}) {
  const t = useTranslations("pickerScale");
  const [query, setQuery] = useState("");
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const itemCount = groups.reduce((n, g) => n + g.items.length, 0);
  const large = itemCount > collapseAbove;
  const filtered = useMemo(() => searchGroups(groups, query), [groups, query]);
  const labels = useMemo(() => new Map(groups.flatMap((g) => g.items.map((i) => [i.id, i.label] as const))), [groups]);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const everythingTicked = everyItemSelected(groups, selected);
  const searching = query.trim() !== "";
  const choose = (next: string[]) => onChange({ all: false, selected: next });

  return (
    <fieldset className="flex min-w-0 flex-col gap-3" data-testid={`${name}-picker`}>
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
          {loading ? null : (
            <SelectedChips
              items={selected.map((id) => ({ id, label: labels.get(id) ?? unknownItemLabel ?? id }))}
              onRemove={(id) => choose(selected.filter((s) => s !== id))}
            />
          )}
          {everythingTicked && allTickedHint ? (
            <div
              className="flex flex-wrap items-center gap-2 rounded-md bg-sky-50 px-3 py-2 text-xs text-sky-900"
              data-testid="all-ticked-hint"
            >
              <p className="min-w-0 flex-1 basis-64">{allTickedHint}</p>
              <button
                type="button"
                onClick={() => onChange({ all: true, selected })}
                className="rounded-md bg-white px-2 py-1 font-medium text-sky-900 ring-1 ring-sky-300 hover:bg-sky-100"
              >
                {t("switchToAll", { all: allLabel })}
              </button>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <input
              type="search"
              aria-label={searchLabel}
              placeholder={searchLabel}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="w-64 min-w-0 max-w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
            <span className="text-xs text-slate-500">{t("selectedCount", { count: selected.length })}</span>
          </div>
          {loading ? (
            loadingLabel ? (
              <p role="status" className="text-sm text-slate-500">
                {loadingLabel}
              </p>
            ) : null
          ) : filtered.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noMatches")}</p>
          ) : null}
          {/* Relative, so that the groups' visually hidden legends (absolutely positioned) stay inside
              the scrolled area instead of lengthening the page. */}
          <div
            className={`grid gap-3 md:grid-cols-2 ${large ? "relative max-h-[28rem] overflow-y-auto overscroll-contain" : ""}`}
            data-testid="picker-groups"
          >
            {filtered.map(({ narrowed, ...group }) => {
              const matching =
                narrowed && group.selectMatchingLabel ? group.selectMatchingLabel(group.items.length) : null;
              return (
                <CheckboxGroup
                  key={group.id}
                  title={group.title}
                  selectAllLabel={matching ?? group.selectAllLabel}
                  matchingNote={narrowed ? t("selectAllMatching", { count: group.items.length }) : undefined}
                  open={isGroupOpen({ searching, itemCount, collapseAbove, toggled: toggled.has(group.id) })}
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
                  selected={chosen}
                  onTickShown={(shown, tick) => choose(toggleShown(selected, shown, tick))}
                  onTickItem={(id, tick) => choose(toggleShown(selected, [id], tick))}
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
