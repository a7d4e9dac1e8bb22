"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useProjectGroups } from "../projects/queries";
import { GroupedPicker } from "../ui/grouped-picker";

/** Projects in all above which the companies start collapsed (a 500-project form stays short). */
const COLLAPSE_ABOVE = 30;

/** "All my projects" (including future ones) or a hand-picked set across companies. */
export function ProjectPicker(props: {
  all: boolean;
  selected: string[];
  onChange: (value: { all: boolean; selected: string[] }) => void;
  error?: string;
}) {
  const t = useTranslations("webhooks.form");
  const tp = useTranslations("pickerScale");
  const tw = useTranslations("webhookPage");
  const projects = useProjectGroups();
  const groups = useMemo(
    () =>
      (projects.data ?? []).map((g) => ({
        id: g.company.id,
        title: g.company.name,
        selectAllLabel: t("selectAllCompany", { company: g.company.name }),
        selectMatchingLabel: (count: number) => tp("selectMatchingProjects", { count, company: g.company.name }),
        toggleLabel: t("groupToggle", { company: g.company.name }),
        items: g.projects.map((p) => ({ id: p.id, label: p.name })),
      })),
    [projects.data, t, tp],
  );
  return (
    <GroupedPicker
      {...props}
      legend={t("projects")}
      name="project-mode"
      allLabel={t("allProjects")}
      chooseLabel={t("chooseProjects")}
      searchLabel={t("searchProjects")}
      loading={projects.isPending}
      collapseAbove={COLLAPSE_ABOVE}
      loadingLabel={t("loadingProjects")}
      allTickedHint={t("allTickedHint")}
      unknownItemLabel={tw("unknownProject")}
      groups={groups}
    />
  );
}
