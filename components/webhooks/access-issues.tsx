"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AccessIssue } from "@/lib/client/people-types";

/** Projects this webhook names but cannot deliver for now: which, why, since when. */
export function AccessIssues({ issues }: { issues: AccessIssue[] }) {
  const t = useTranslations("webhookPage.accessIssues");
  const format = useFormatter();
  if (issues.length === 0) return null;
  return (
    <section
      role="alert"
      aria-label={t("title")}
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <h2 className="mb-2 font-semibold text-amber-900">{t("title")}</h2>
      <ul className="mb-2 flex flex-col gap-1 text-amber-900">
        {issues.map((issue) => (
          <li key={issue.projectId}>
            {t(issue.reason, {
              project: issue.projectName,
              since: format.dateTime(new Date(issue.since), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </li>
        ))}
      </ul>
      <p className="text-amber-800">{t("others")}</p>
    </section>
  );
}
