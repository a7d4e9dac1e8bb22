"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { COMPANY_ROLES, type CompanyView, type InvitationView, PROJECT_ROLES } from "@/lib/client/people-types";
import { createInvitationSchema } from "@/lib/validations/invitation";
import { applyFieldErrors, withSentences } from "../form-errors";
import { InvitationStatusBadge } from "../invitations/invitation-status-badge";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { CopyButton } from "../ui/copy-button";
import { TextField } from "../ui/text-field";
import { useToast } from "../ui/toaster";
import { useErrorMessage, useFormErrors } from "../use-error-message";
import {
  useCompanyInvitations,
  useCompanyProjects,
  useInvite,
  useResendInvitation,
  useRevokeInvitation,
} from "./queries";
import { RoleSelect } from "./role-select";

export function CompanyInvitations({ company }: { company: CompanyView }) {
  const t = useTranslations("invitations");
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t("title")}</h2>
      <InviteForm company={company} />
      <InvitationList companyId={company.id} />
    </Card>
  );
}

type InviteInput = z.input<typeof createInvitationSchema>;
type InviteOutput = z.output<typeof createInvitationSchema>;

function InviteForm({ company }: { company: CompanyView }) {
  const t = useTranslations("invitations");
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const formErrors = useFormErrors();
  const projects = useCompanyProjects(company.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<InviteInput, unknown, InviteOutput>({
    resolver: withSentences(zodResolver(createInvitationSchema), formErrors),
    defaultValues: { email: "", role: "MEMBER", projects: [] },
  });
  const invite = useInvite(company.id, {
    onSuccess: (invitation) => {
      toast("success", t("sent", { email: invitation.email }));
      form.reset();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const role = form.watch("role");
  const chosen = form.watch("projects") ?? [];
  const setChosen = (next: typeof chosen) => form.setValue("projects", next);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await invite.mutateAsync(values);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ["email", "role", "projects"], formErrors))
        setFormError(errorMessage(error));
    }
  });
  const open = (projects.data ?? []).filter((p) => !p.archivedAt);
  return (
    <form onSubmit={submit} noValidate className="mb-6 flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          label={t("email")}
          type="email"
          autoComplete="off"
          className="min-w-0 flex-1 basis-64"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-700">{t("companyRole")}</span>
          <RoleSelect
            label={t("companyRole")}
            roles={COMPANY_ROLES}
            value={role}
            onChange={(value) => form.setValue("role", value)}
          />
          {errors.role ? <p className="text-xs text-red-700">{errors.role.message}</p> : null}
        </div>
      </div>
      {open.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("projects")}</legend>
          {open.map((project) => {
            const picked = chosen.find((c) => c.projectId === project.id);
            const others = chosen.filter((c) => c.projectId !== project.id);
            return (
              <div key={project.id} className="flex flex-wrap items-center gap-3 text-sm">
                <label className="flex min-w-48 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={picked !== undefined}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...others, { projectId: project.id, role: "MEMBER" }] : others)
                    }
                  />
                  {project.name}
                </label>
                {picked ? (
                  <RoleSelect
                    label={t("projectRole", { project: project.name })}
                    roles={PROJECT_ROLES}
                    value={picked.role}
                    onChange={(value) =>
                      setChosen(chosen.map((c) => (c.projectId === project.id ? { ...c, role: value } : c)))
                    }
                  />
                ) : null}
              </div>
            );
          })}
          {errors.projects ? <p className="text-xs text-red-700">{errors.projects.message}</p> : null}
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("sending") : t("send")}
        </Button>
      </div>
    </form>
  );
}

function InvitationList({ companyId }: { companyId: string }) {
  const t = useTranslations("invitations");
  const errorMessage = useErrorMessage();
  const invitations = useCompanyInvitations(companyId);
  if (invitations.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (invitations.error) return <Alert tone="error">{errorMessage(invitations.error)}</Alert>;
  if (invitations.data.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {invitations.data.map((invitation) => (
        <InvitationRow key={invitation.id} invitation={invitation} />
      ))}
    </ul>
  );
}

function InvitationRow({ invitation }: { invitation: InvitationView }) {
  const t = useTranslations("invitations");
  const roles = useTranslations("roles");
  const format = useFormatter();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const onError = (error: Error) => toast("error", errorMessage(error));
  const [revoking, setRevoking] = useState(false);
  const { email } = invitation;
  const resend = useResendInvitation(invitation.id, {
    onSuccess: () => toast("success", t("resent", { email })),
    onError,
  });
  const revoke = useRevokeInvitation(invitation.id, {
    onSuccess: () => {
      toast("success", t("revoked", { email }));
      setRevoking(false);
    },
    onError,
  });
  const open = invitation.status === "PENDING";
  return (
    <li aria-label={t("invitationFor", { email })} className="flex flex-col gap-2 py-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium">
            {email} <InvitationStatusBadge status={invitation.status} />
          </p>
          <p className="text-xs text-slate-500">
            {t("details", {
              role: roles(invitation.role),
              inviter: invitation.invitedBy.name,
              expires: format.dateTime(new Date(invitation.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          {invitation.projects.length > 0 ? (
            <p className="text-xs text-slate-500">
              {t("projectList", {
                projects: invitation.projects.map((p) => `${p.name} (${roles(p.role)})`).join(", "),
              })}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {open || invitation.status === "EXPIRED" ? (
            <Button variant="secondary" disabled={resend.isPending} onClick={() => resend.mutate()}>
              {t("resend")}
            </Button>
          ) : null}
          {open ? (
            <Button variant="danger" onClick={() => setRevoking(true)}>
              {t("revoke")}
            </Button>
          ) : null}
        </div>
      </div>
      {open ? (
        <div className="flex flex-wrap items-end gap-2">
          <TextField
            label={t("link", { email })}
            className="min-w-0 flex-1 basis-64"
            readOnly
            value={invitation.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={invitation.url} label={t("copyLink")} copiedLabel={t("copied")} />
        </div>
      ) : null}
      <ConfirmDialog
        open={revoking}
        title={t("revokeTitle", { email })}
        confirmLabel={t("revoke")}
        pending={revoke.isPending}
        onClose={() => setRevoking(false)}
        onConfirm={() => revoke.mutate()}
      >
        {t("revokeWarning")}
      </ConfirmDialog>
    </li>
  );
}
