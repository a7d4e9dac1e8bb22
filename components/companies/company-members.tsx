"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  COMPANY_ROLES,
  type CompanyMemberView,
  type CompanyProjectView,
  type CompanyView,
  PROJECT_ROLES,
  type ProjectRole,
} from "@/lib/client/people-types";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import {
  canManage,
  useAddProjectMember,
  useChangeCompanyRole,
  useChangeProjectRole,
  useCompanyMembers,
  useCompanyProjects,
  useRemoveCompanyMember,
  useRemoveProjectMember,
} from "./queries";
import { RoleSelect } from "./role-select";

export function CompanyMembers({ company, currentUserId }: { company: CompanyView; currentUserId: string }) {
  const t = useTranslations("members");
  const errorMessage = useErrorMessage();
  const members = useCompanyMembers(company.id);
  const projects = useCompanyProjects(company.id);
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t("title")}</h2>
      {members.isPending ? <p className="text-sm text-slate-500">{t("loading")}</p> : null}
      {members.error ? <Alert tone="error">{errorMessage(members.error)}</Alert> : null}
      <ul className="divide-y divide-slate-200">
        {members.data?.map((member) => (
          <MemberRow
            key={member.user.id}
            company={company}
            member={member}
            projects={projects.data ?? []}
            isSelf={member.user.id === currentUserId}
          />
        ))}
      </ul>
    </Card>
  );
}

function MemberRow({
  company,
  member,
  projects,
  isSelf,
}: {
  company: CompanyView;
  member: CompanyMemberView;
  projects: CompanyProjectView[];
  isSelf: boolean;
}) {
  const t = useTranslations("members");
  const roles = useTranslations("roles");
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const onError = (error: Error) => toast("error", errorMessage(error));
  const [confirming, setConfirming] = useState(false);
  const manageCompany = canManage(company.role);
  const manageProject = (projectId: string) =>
    manageCompany || canManage(projects.find((p) => p.id === projectId)?.role);
  const name = member.user.name;
  const companyMember = { companyId: company.id, userId: member.user.id };
  const projectName = (projectId: string) => member.projects.find((p) => p.id === projectId)?.name ?? "";
  const roleChanged = () => toast("success", t("roleChanged", { name }));
  const changeCompanyRole = useChangeCompanyRole({ onSuccess: roleChanged, onError });
  const changeProjectRole = useChangeProjectRole({ onSuccess: roleChanged, onError });
  const removeFromProject = useRemoveProjectMember({
    onSuccess: (_result, { projectId }) =>
      toast("success", t("removedFromProject", { name, project: projectName(projectId) })),
    onError,
  });
  // Leaving takes the caller to the companies page before the refetch finds the company gone.
  const removeFromCompany = useRemoveCompanyMember({
    onSuccess: () => {
      toast("success", isSelf ? t("left", { company: company.name }) : t("removed", { name }));
      setConfirming(false);
      if (isSelf) window.location.assign("/companies");
    },
    onError,
  });
  const pending = changeCompanyRole.isPending || changeProjectRole.isPending || removeFromProject.isPending;
  const addable = projects.filter(
    (p) => !p.archivedAt && manageProject(p.id) && !member.projects.some((mp) => mp.id === p.id),
  );
  return (
    <li aria-label={name} className="flex flex-col gap-3 py-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="font-medium">
            {name}
            {isSelf ? <span className="ml-2 text-xs text-slate-500">{t("you")}</span> : null}
          </p>
          <p className="text-xs text-slate-500">{member.user.email}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {manageCompany ? (
            <RoleSelect
              label={t("companyRoleOf", { name })}
              roles={COMPANY_ROLES}
              value={member.role}
              disabled={pending}
              onChange={(role) => changeCompanyRole.mutate({ ...companyMember, role })}
            />
          ) : (
            <span className="text-sm text-slate-600">{roles(member.role)}</span>
          )}
          {isSelf || manageCompany ? (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {isSelf ? t("leaveCompany") : t("removeFromCompany")}
            </Button>
          ) : null}
        </div>
      </div>
      {member.projects.length > 0 ? (
        <ul className="flex flex-col gap-2 pl-4">
          {member.projects.map((project) => {
            const projectMember = { projectId: project.id, userId: member.user.id };
            return (
              <li key={project.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="min-w-40">{project.name}</span>
                {manageProject(project.id) ? (
                  <>
                    <RoleSelect
                      label={t("projectRoleOf", { name, project: project.name })}
                      roles={PROJECT_ROLES}
                      value={project.role}
                      disabled={pending}
                      onChange={(role) => changeProjectRole.mutate({ ...projectMember, role })}
                    />
                    <Button
                      variant="ghost"
                      aria-label={t("removeFromProjectLabel", { name, project: project.name })}
                      disabled={pending}
                      onClick={() => removeFromProject.mutate(projectMember)}
                    >
                      {t("removeFromProject")}
                    </Button>
                  </>
                ) : (
                  <span className="text-slate-600">{roles(project.role)}</span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="pl-4 text-sm text-slate-500">{t("noProjects")}</p>
      )}
      {addable.length > 0 ? <AddToProject name={name} userId={member.user.id} projects={addable} /> : null}
      <ConfirmDialog
        open={confirming}
        title={isSelf ? t("leaveTitle", { company: company.name }) : t("removeTitle", { name, company: company.name })}
        confirmLabel={isSelf ? t("leaveCompany") : t("removeFromCompany")}
        pending={removeFromCompany.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => removeFromCompany.mutate(companyMember)}
      >
        {isSelf ? t("leaveWarning") : t("removeWarning", { name })}
      </ConfirmDialog>
    </li>
  );
}

function AddToProject({ name, userId, projects }: { name: string; userId: string; projects: CompanyProjectView[] }) {
  const t = useTranslations("members");
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [projectId, setProjectId] = useState(projects[0].id);
  const [role, setRole] = useState<ProjectRole>("MEMBER");
  const chosen = projects.some((p) => p.id === projectId) ? projectId : projects[0].id;
  const add = useAddProjectMember({
    onSuccess: (_member, { projectId: to }) =>
      toast("success", t("addedToProject", { name, project: projects.find((p) => p.id === to)?.name ?? "" })),
    onError: (error) => toast("error", errorMessage(error)),
  });
  return (
    <div className="flex flex-wrap items-center gap-2 pl-4 text-sm">
      <select
        aria-label={t("projectToAdd", { name })}
        value={chosen}
        onChange={(e) => setProjectId(e.target.value)}
        className="rounded-md border border-slate-300 px-2 py-1.5"
      >
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <RoleSelect label={t("roleToAdd", { name })} roles={PROJECT_ROLES} value={role} onChange={setRole} />
      <Button
        variant="secondary"
        disabled={add.isPending}
        onClick={() => add.mutate({ projectId: chosen, userId, role })}
      >
        {t("addToProject")}
      </Button>
    </div>
  );
}
