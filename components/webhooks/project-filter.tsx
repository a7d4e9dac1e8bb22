"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useProjectGroups } from "../projects/queries";
import { SearchSelect } from "../ui/search-select";

/** The log's project filter: a search over the user's projects (hundreds, across companies). */
export function ProjectFilter({ value, onChange }: { value: string; onChange: (projectId: string) => void }) {
  const t = useTranslations("webhookPage");
  const tl = useTranslations("logFilter");
  const projects = useProjectGroups();
  const options = useMemo(
    () =>
      (projects.data ?? []).flatMap((g) =>
        g.projects.map((p) => ({ value: p.id, label: p.name, group: g.company.name })),
      ),
    [projects.data],
  );
  return (
    <SearchSelect
      label={t("filterProject")}
      value={value}
      options={options}
      emptyLabel={t("allProjects")}
      unknownLabel={projects.isPending ? "…" : t("unknownProject")}
      placeholder={tl("projectPlaceholder")}
      onChange={onChange}
    />
  );
}
