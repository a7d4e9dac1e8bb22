"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { CompanyView } from "@/lib/client/people-types";
import { companyNameSchema } from "@/lib/validations/company";
import { NameForm } from "../name-form";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { PageHeader } from "../ui/page-header";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import { CompanyInvitations } from "./company-invitations";
import { CompanyMembers } from "./company-members";
import { CompanyProjects } from "./company-projects";
import { canManage, useCompany, useDeleteCompany, useRenameCompany } from "./queries";

export function CompanyDetail({ companyId, currentUserId }: { companyId: string; currentUserId: string }) {
  const t = useTranslations("companies");
  const roles = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const company = useCompany(companyId);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (company.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (company.error) return <Alert tone="error">{errorMessage(company.error)}</Alert>;
  const c = company.data;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={c.name}
        subtitle={t("yourRole", { role: roles(c.role) })}
        actions={
          <div className="flex gap-2">
            {canManage(c.role) ? (
              <Button variant="secondary" onClick={() => setRenaming(true)}>
                {t("rename")}
              </Button>
            ) : null}
            {c.role === "OWNER" ? (
              <Button variant="danger" onClick={() => setDeleting(true)}>
                {t("delete")}
              </Button>
            ) : null}
          </div>
        }
      />
      {renaming ? <RenameCompany company={c} onDone={() => setRenaming(false)} /> : null}
      <DeleteCompanyDialog company={c} open={deleting} onClose={() => setDeleting(false)} />
      <CompanyProjects company={c} currentUserId={currentUserId} />
      <CompanyMembers company={c} currentUserId={currentUserId} />
      {canManage(c.role) ? <CompanyInvitations company={c} /> : null}
    </div>
  );
}

function RenameCompany({ company, onDone }: { company: CompanyView; onDone: () => void }) {
  const t = useTranslations("companies");
  const rename = useRenameCompany(company.id, { onSuccess: onDone });
  return (
    <NameForm
      schema={companyNameSchema}
      label={t("nameLabel")}
      submitLabel={t("saveName")}
      defaultValue={company.name}
      onCancel={onDone}
      onSubmit={(name) => rename.mutateAsync({ name })}
    />
  );
}

function DeleteCompanyDialog({ company, open, onClose }: { company: CompanyView; open: boolean; onClose: () => void }) {
  const t = useTranslations("companies");
  const router = useRouter();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const remove = useDeleteCompany(company.id, {
    onSuccess: () => {
      toast("success", t("deleted", { name: company.name }));
      onClose();
      router.push("/companies");
    },
    onError: (error) => toast("error", errorMessage(error)),
  });
  return (
    <ConfirmDialog
      open={open}
      title={t("deleteTitle", { name: company.name })}
      confirmLabel={t("deleteConfirm")}
      typeToConfirm={company.name}
      typeLabel={t("deleteTypeName")}
      pending={remove.isPending}
      onClose={onClose}
      onConfirm={() => remove.mutate()}
    >
      {t("deleteWarning", { projects: company.projectCount, members: company.memberCount })}
    </ConfirmDialog>
  );
}
