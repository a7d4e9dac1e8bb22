"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckboxGroup } from "./checkbox-group";
import { ModeRadios } from "./mode-radios";

export type PickerGroup = {
  id: string;
  title: string;
  selectAllLabel: string;
  items: { id: string; label: string; detail?: string }[];
};

/** "All" or "let me choose", then searchable checkbox groups with select-all per group. */
export function GroupedPicker({
  legend,
  name,
  allLabel,
  chooseLabel,
  searchLabel,
  groups,
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
  all: boolean;
  selected: string[];
  onChange: (value: { all: boolean; selected: string[] }) => void;
  error?: string;
}) {
  const t = useTranslations("webhooks.form");
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const matches = (text: string | undefined) => text?.toLowerCase().includes(q) ?? false;
  const filtered = groups
    .map((g) => ({
      ...g,
      items: g.items.filter((i) => !q || matches(i.label) || matches(i.detail) || matches(g.title)),
    }))
    .filter((g) => g.items.length > 0);

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
              className="w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
            <span className="text-xs text-slate-500">{t("selected", { count: selected.length })}</span>
          </div>
          {filtered.length === 0 ? <p className="text-sm text-slate-500">{t("noMatches")}</p> : null}
          <div className="grid gap-3 md:grid-cols-2">
            {filtered.map((group) => (
              <CheckboxGroup
                key={group.id}
                title={group.title}
                selectAllLabel={group.selectAllLabel}
                items={group.items}
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
