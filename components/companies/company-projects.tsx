"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { CompanyProjectView, CompanyView } from "@/lib/client/people-types";
import { createProjectSchema } from "@/lib/validations/project";
import { NameForm } from "../name-form";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import {
  canManage,
  useCompanyProjects,
  useCreateProject,
  useDeleteProject,
  useRemoveProjectMember,
  useRenameProject,
  useSetProjectArchived,
} from "./queries";

/** Creates a project in a company (the caller becomes its owner). */
export function CreateProjectForm({ companyId }: { companyId: string }) {
  const t = useTranslations("companyProjects");
  const createProject = useCreateProject(companyId);
  return (
    <NameForm
      schema={createProjectSchema}
      label={t("nameLabel")}
      submitLabel={t("create")}
      onSubmit={(name) => createProject.mutateAsync({ name })}
    />
  );
}

export function CompanyProjects({ company, currentUserId }: { company: CompanyView; currentUserId: string }) {
  const t = useTranslations("companyProjects");
  const errorMessage = useErrorMessage();
  const projects = useCompanyProjects(company.id);
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t("title")}</h2>
      <div className="mb-4">
        <CreateProjectForm companyId={company.id} />
      </div>
      {projects.isPending ? <p className="text-sm text-slate-500">{t("loading")}</p> : null}
      {projects.error ? <Alert tone="error">{errorMessage(projects.error)}</Alert> : null}
      {projects.data?.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      <ul className="divide-y divide-slate-200">
        {projects.data?.map((project) => (
          <ProjectRow
            key={project.id}
            project={project}
            manage={canManage(company.role) || canManage(project.role)}
            currentUserId={currentUserId}
          />
        ))}
      </ul>
    </Card>
  );
}

type Confirming = "delete" | "leave" | null;

function ProjectRow({
  project,
  manage,
  currentUserId,
}: {
  project: CompanyProjectView;
  manage: boolean;
  currentUserId: string;
}) {
  const t = useTranslations("companyProjects");
  const roles = useTranslations("roles");
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const onError = (error: Error) => toast("error", errorMessage(error));
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const archived = project.archivedAt !== null;
  const rename = useRenameProject(project.id, { onSuccess: () => setRenaming(false) });
  const setArchived = useSetProjectArchived(project.id, {
    onSuccess: (_project, archiving) =>
      toast(
        "success",
        archiving ? t("archivedToast", { name: project.name }) : t("unarchived", { name: project.name }),
      ),
    onError,
  });
  const remove = useDeleteProject(project.id, {
    onSuccess: () => {
      toast("success", t("deleted", { name: project.name }));
      setConfirming(null);
    },
    onError,
  });
  const leave = useRemoveProjectMember({
    onSuccess: () => {
      toast("success", t("left", { name: project.name }));
      setConfirming(null);
    },
    onError,
  });
  return (
    <li aria-label={project.name} className="flex flex-col gap-2 py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="font-medium">
            {project.role && !archived ? (
              <Link href={`/projects/${project.id}`} className="text-brand-700 hover:underline">
                {project.name}
              </Link>
            ) : (
              project.name
            )}
            {archived ? (
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("archived")}</span>
            ) : null}
          </p>
          <p className="text-xs text-slate-500">
            {t("summary", { records: project.recordCount, members: project.memberCount })}
            {" · "}
            {project.role ? t("yourRole", { role: roles(project.role) }) : t("notMember")}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {manage ? (
            <>
              <Button variant="ghost" onClick={() => setRenaming(true)}>
                {t("rename")}
              </Button>
              <Button
                variant="secondary"
                disabled={setArchived.isPending}
                onClick={() => setArchived.mutate(!archived)}
              >
                {archived ? t("unarchive") : t("archive")}
              </Button>
              <Button variant="danger" onClick={() => setConfirming("delete")}>
                {t("delete")}
              </Button>
            </>
          ) : null}
          {project.role ? (
            <Button variant="ghost" onClick={() => setConfirming("leave")}>
              {t("leave")}
            </Button>
          ) : null}
        </div>
      </div>
      {renaming ? (
        <NameForm
          schema={createProjectSchema}
          label={t("renameLabel", { name: project.name })}
          submitLabel={t("saveName")}
          defaultValue={project.name}
          onCancel={() => setRenaming(false)}
          onSubmit={(name) => rename.mutateAsync({ name })}
        />
      ) : null}
      <ConfirmDialog
        open={confirming === "delete"}
        title={t("deleteTitle", { name: project.name })}
        confirmLabel={t("deleteConfirm")}
        pending={remove.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => remove.mutate()}
      >
        <p>{t("deleteWarning", { records: project.recordCount })}</p>
        <p className="mt-2">{t("deleteWebhooks")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "leave"}
        title={t("leaveTitle", { name: project.name })}
        confirmLabel={t("leaveConfirm")}
        pending={leave.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => leave.mutate({ projectId: project.id, userId: currentUserId })}
      >
        {t("leaveWarning")}
      </ConfirmDialog>
    </li>
  );
}
