"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useProjectGroups } from "../project-groups";
import { CheckboxGroup } from "./checkbox-group";
import { ModeRadios } from "./mode-radios";

/** "All my projects" (including future ones) or a hand-picked set across companies. */
export function ProjectPicker({
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
  const groups = useProjectGroups();
  const q = query.trim().toLowerCase();
  const filtered = (groups.data ?? [])
    .map((g) => ({
      ...g,
      projects: g.projects.filter(
        (p) => !q || p.name.toLowerCase().includes(q) || g.company.name.toLowerCase().includes(q),
      ),
    }))
    .filter((g) => g.projects.length > 0);

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{t("projects")}</legend>
      <ModeRadios
        name="project-mode"
        all={all}
        allLabel={t("allProjects")}
        chooseLabel={t("chooseProjects")}
        onChange={(nextAll) => onChange({ all: nextAll, selected })}
      />
      {!all ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <div className="flex items-center justify-between gap-3">
            <input
              type="search"
              aria-label={t("searchProjects")}
              placeholder={t("searchProjects")}
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
                key={group.company.id}
                title={group.company.name}
                selectAllLabel={t("selectAllCompany", { company: group.company.name })}
                items={group.projects.map((p) => ({ id: p.id, label: p.name }))}
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
