"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { PendingInvitations } from "./invitations/pending-invitations";
import { useProjectGroups } from "./projects/queries";
import { Alert } from "./ui/alert";
import { Card } from "./ui/card";
import { LinkButton } from "./ui/link-button";
import { SkeletonCards } from "./ui/skeleton";
import { useErrorMessage } from "./use-error-message";

export function ProjectGroups() {
  const t = useTranslations("projects");
  const roles = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const { data, error, isPending } = useProjectGroups();
  if (isPending) return <SkeletonCards label={t("loading")} />;
  if (error) return <Alert tone="error">{errorMessage(error)}</Alert>;
  if (data.length === 0)
    return (
      <div className="flex flex-col gap-6">
        <PendingInvitations />
        <NoProjectsYet />
      </div>
    );
  return (
    <div className="flex flex-col gap-6">
      <PendingInvitations />
      {data.map((group) => (
        <Card key={group.company.id}>
          <h2 className="mb-3 text-lg font-semibold">{group.company.name}</h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {group.projects.map((project) => (
              <li key={project.id}>
                <Link
                  href={`/projects/${project.id}`}
                  className="block rounded-md border border-slate-200 px-4 py-3 hover:border-brand-500 hover:bg-brand-50"
                >
                  <p className="font-medium">{project.name}</p>
                  <p className="text-xs text-slate-500">{t("role", { role: roles(project.role) })}</p>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}

/** What a new user can do from an empty Projects page instead of facing nothing. */
function NoProjectsYet() {
  const t = useTranslations("projects");
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t("emptyTitle")}</h2>
      <p className="mb-4 text-sm text-slate-600">{t("empty")}</p>
      <div className="flex flex-wrap gap-2">
        <LinkButton href="/start">{t("emptyStart")}</LinkButton>
        <LinkButton href="/companies" variant="secondary">
          {t("emptyCompanies")}
        </LinkButton>
      </div>
    </Card>
  );
}
