"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { applyFieldErrors, withSentences } from "../form-errors";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { TextField } from "../ui/text-field";
import { useErrorMessage, useFormErrors } from "../use-error-message";
import { type CreatedApiToken, useCreateApiToken } from "./queries";

const EXPIRY_CHOICES = [null, 30, 90, 365] as const;

/** Name a new token and choose when it expires. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const t = useTranslations("apiTokens");
  const errorMessage = useErrorMessage();
  const formErrors = useFormErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof createApiTokenSchema>, unknown, z.output<typeof createApiTokenSchema>>({
    resolver: withSentences(zodResolver(createApiTokenSchema), formErrors),
    defaultValues: { name: "", expiresInDays: null },
  });
  const create = useCreateApiToken({
    onCreated: (token) => {
      form.reset();
      onCreated(token);
    },
    onError: (error) => {
      if (!applyFieldErrors(error, form.setError, ["name", "expiresInDays"], formErrors))
        setFormError(errorMessage(error));
    },
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(values);
  });

  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField
          className="min-w-0 flex-1 basis-64"
          label={t("name")}
          placeholder={t("namePlaceholder")}
          error={form.formState.errors.name?.message}
          {...form.register("name")}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="token-expiry" className="text-sm font-medium text-slate-700">
            {t("expiry")}
          </label>
          <select
            id="token-expiry"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            {...form.register("expiresInDays", { setValueAs: (v) => (v === "" || v === null ? null : Number(v)) })}
          >
            {EXPIRY_CHOICES.map((days) => (
              <option key={days ?? "never"} value={days ?? ""}>
                {days ? t("expiryDays", { days }) : t("expiryNever")}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
      </form>
    </Card>
  );
}
