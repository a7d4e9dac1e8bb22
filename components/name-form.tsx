"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyFieldErrors, withSentences } from "./form-errors";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";
import { useErrorMessage, useFormErrors } from "./use-error-message";

type NameSchema = z.ZodType<{ name: string }, { name: string }>;

/**
 * One name to create or rename something (a company, a project), checked by the API's own schema
 * before it is sent; a field error the API still finds is shown under the input as well.
 */
export function NameForm({
  schema,
  label,
  submitLabel,
  defaultValue = "",
  onSubmit,
  onCancel,
}: {
  schema: NameSchema;
  label: string;
  submitLabel: string;
  defaultValue?: string;
  onSubmit: (name: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const t = useTranslations("common");
  const errorMessage = useErrorMessage();
  const formErrors = useFormErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ name: string }>({
    resolver: withSentences(zodResolver(schema), formErrors),
    defaultValues: { name: defaultValue },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ name }) => {
    setFormError(null);
    try {
      await onSubmit(name);
      form.reset({ name: defaultValue });
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ["name"], formErrors)) setFormError(errorMessage(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex flex-wrap items-start gap-2">
        <TextField label={label} className="min-w-56 flex-1" error={errors.name?.message} {...form.register("name")} />
        <div className="flex gap-2 pt-6">
          <Button type="submit" disabled={isSubmitting}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button variant="ghost" onClick={onCancel}>
              {t("cancel")}
            </Button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
