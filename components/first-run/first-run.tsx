"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { CreateCompanyForm } from "../companies/company-list";
import { CreateProjectForm } from "../companies/company-projects";
import { canManage, useCompanies } from "../companies/queries";
import { PendingInvitations } from "../invitations/pending-invitations";
import { useProjectGroups } from "../projects/queries";
import { Card } from "../ui/card";
import { LinkButton } from "../ui/link-button";

/** The guided start: a company (or an accepted invitation), a first project, then a first webhook. */
export function FirstRun() {
  const t = useTranslations("firstRun");
  const companies = useCompanies();
  const groups = useProjectGroups();
  const [chosenCompany, setChosenCompany] = useState<string | null>(null);
  if (companies.isPending || groups.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  const projectCount = (groups.data ?? []).reduce((sum, g) => sum + g.projects.length, 0);
  const own = (companies.data ?? []).filter((c) => canManage(c.role));
  const companyId = chosenCompany ?? own[0]?.id;
  const hasCompany = (companies.data ?? []).length > 0;
  return (
    <div className="flex flex-col gap-6">
      <PendingInvitations />
      <ol className="flex flex-col gap-4">
        <Step number={1} title={t("companyTitle")} done={hasCompany}>
          {hasCompany ? (
            <p className="text-sm text-slate-600">
              {t("companyDone", { names: (companies.data ?? []).map((c) => c.name).join(", ") })}
            </p>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">{t("companyHint")}</p>
              <CreateCompanyForm onCreated={(company) => setChosenCompany(company.id)} />
            </>
          )}
        </Step>
        <Step number={2} title={t("projectTitle")} done={projectCount > 0}>
          {projectCount > 0 ? (
            <p className="text-sm text-slate-600">{t("projectDone", { count: projectCount })}</p>
          ) : companyId ? (
            <>
              <p className="mb-3 text-sm text-slate-600">{t("projectHint")}</p>
              {own.length > 1 ? (
                <label className="mb-3 flex items-center gap-2 text-sm">
                  {t("projectCompany")}
                  <select
                    value={companyId}
                    onChange={(e) => setChosenCompany(e.target.value)}
                    className="rounded-md border border-slate-300 px-2 py-1.5"
                  >
                    {own.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              <CreateProjectForm companyId={companyId} />
            </>
          ) : (
            <p className="text-sm text-slate-500">{t("projectWaiting")}</p>
          )}
        </Step>
        <Step number={3} title={t("webhookTitle")} done={false}>
          <p className="mb-3 text-sm text-slate-600">{t("webhookHint")}</p>
          {projectCount > 0 ? (
            <div className="flex flex-wrap gap-2">
              <LinkButton href="/settings/webhooks/new">{t("webhookAction")}</LinkButton>
              <LinkButton href="/projects" variant="secondary">
                {t("toProjects")}
              </LinkButton>
            </div>
          ) : (
            <p className="text-sm text-slate-500">{t("webhookWaiting")}</p>
          )}
        </Step>
      </ol>
    </div>
  );
}

function Step({
  number,
  title,
  done,
  children,
}: {
  number: number;
  title: string;
  done: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("firstRun");
  return (
    <li>
      <Card className={done ? "border-emerald-200" : ""}>
        <h2 className="mb-2 flex items-center gap-2 text-lg font-semibold">
          <span
            aria-hidden
            className={`inline-flex size-7 items-center justify-center rounded-full text-sm ${done ? "bg-emerald-600 text-white" : "bg-brand-100 text-brand-700"}`}
          >
            {done ? "✓" : number}
          </span>
          {title}
          <span className="sr-only">{done ? t("stepDone") : t("stepOpen")}</span>
        </h2>
        {children}
      </Card>
    </li>
  );
}
