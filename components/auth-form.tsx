"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { AUTH_MODES, type AuthField, type AuthMode, otherFormHref } from "./auth-modes";
import { applyFieldErrors, withSentences } from "./form-errors";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";
import { useErrorMessage, useFormErrors } from "./use-error-message";

type AuthValues = { name?: string; email: string; password: string };

/**
 * The sign-in and the sign-up form: the same fields, checks and error display; the mode chooses
 * the fields, the route, the wording (its catalogue namespace) and the link to the other form.
 */
export function AuthForm({
  mode,
  next,
  email = "",
  notice,
}: {
  mode: AuthMode;
  next: string;
  /** A prefilled address (the one an invitation was sent to). */
  email?: string;
  /** A success message above the form ("You have been signed out."). */
  notice?: string;
}) {
  const config = AUTH_MODES[mode];
  const t = useTranslations(mode);
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const formErrors = useFormErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const schema: z.ZodType<AuthValues, AuthValues> = config.schema;
  const form = useForm<AuthValues>({
    resolver: withSentences(zodResolver(schema), formErrors),
    defaultValues: mode === "signUp" ? { name: "", email, password: "" } : { email, password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const fields: readonly AuthField[] = config.fields;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await apiFetch(config.endpoint, { body: values });
      router.replace(next);
      router.refresh();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, [...fields], formErrors)) setFormError(errorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {fields.includes("name") ? (
        <TextField label={t("name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      ) : null}
      <TextField
        label={t("email")}
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        label={t("password")}
        type="password"
        autoComplete={config.passwordAutoComplete}
        hint={config.passwordHint ? t("passwordHint") : undefined}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {t(config.other.promptKey)}{" "}
        <Link className="font-medium text-brand-700 underline" href={otherFormHref(mode, next)}>
          {t(config.other.linkKey)}
        </Link>
      </p>
    </form>
  );
}
