"use client";

import { useTranslations } from "next-intl";
import { useProjectGroups } from "../project-groups";
import { GroupedPicker } from "./grouped-picker";

/** "All my projects" (including future ones) or a hand-picked set across companies. */
export function ProjectPicker(props: {
  all: boolean;
  selected: string[];
  onChange: (value: { all: boolean; selected: string[] }) => void;
  error?: string;
}) {
  const t = useTranslations("webhooks.form");
  const groups = useProjectGroups();
  return (
    <GroupedPicker
      {...props}
      legend={t("projects")}
      name="project-mode"
      allLabel={t("allProjects")}
      chooseLabel={t("chooseProjects")}
      searchLabel={t("searchProjects")}
      groups={(groups.data ?? []).map((g) => ({
        id: g.company.id,
        title: g.company.name,
        selectAllLabel: t("selectAllCompany", { company: g.company.name }),
        items: g.projects.map((p) => ({ id: p.id, label: p.name })),
      }))}
    />
  );
}
