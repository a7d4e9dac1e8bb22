"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changePasswordSchema } from "@/lib/users/password-schema";
import { useChangePassword } from "./account/queries";
import { applyFieldErrors, withSentences } from "./form-errors";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card } from "./ui/card";
import { TextField } from "./ui/text-field";
import { useErrorMessage, useFormErrors } from "./use-error-message";

type Values = z.output<typeof changePasswordSchema>;

export function ChangePasswordForm() {
  const t = useTranslations("security");
  const errorMessage = useErrorMessage();
  const formErrors = useFormErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof changePasswordSchema>, unknown, Values>({
    resolver: withSentences(zodResolver(changePasswordSchema), formErrors),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const change = useChangePassword({
    onSuccess: () => form.reset(),
    onError: (error) => {
      if (!applyFieldErrors(error, form.setError, ["currentPassword", "newPassword"], formErrors))
        setFormError(errorMessage(error));
    },
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    change.mutate(values);
  });

  return (
    <Card className="max-w-lg">
      <h2 className="mb-1 text-lg font-semibold">{t("passwordTitle")}</h2>
      <p className="mb-4 text-sm text-slate-600">{t("passwordHint")}</p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {change.isSuccess ? <Alert tone="success">{t("passwordChanged")}</Alert> : null}
        <TextField
          label={t("currentPassword")}
          type="password"
          autoComplete="current-password"
          error={form.formState.errors.currentPassword?.message}
          {...form.register("currentPassword")}
        />
        <TextField
          label={t("newPassword")}
          type="password"
          autoComplete="new-password"
          error={form.formState.errors.newPassword?.message}
          {...form.register("newPassword")}
        />
        <Button type="submit" className="self-start" disabled={change.isPending}>
          {change.isPending ? t("changingPassword") : t("changePassword")}
        </Button>
      </form>
    </Card>
  );
}
