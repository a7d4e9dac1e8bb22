"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { signInSchema } from "@/lib/validations/user";
import { applyFieldErrors, withSentences } from "./form-errors";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";
import { useErrorMessage, useFormErrors } from "./use-error-message";

export function SignInForm({ next, signedOut }: { next: string; signedOut: boolean }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const formErrors = useFormErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof signInSchema>, unknown, z.output<typeof signInSchema>>({
    resolver: withSentences(zodResolver(signInSchema), formErrors),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await apiFetch("/api/v1/auth/sign-in", { body: values });
      router.replace(next);
      router.refresh();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ["email", "password"], formErrors)) setFormError(errorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {signedOut ? <Alert tone="success">{t("signedOut")}</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
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
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link
          className="font-medium text-brand-700 underline"
          href={next === "/projects" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`}
        >
          {t("signUpLink")}
        </Link>
      </p>
    </form>
  );
}
