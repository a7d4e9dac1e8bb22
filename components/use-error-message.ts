"use client";

import { useTranslations } from "next-intl";
import { ApiClientError } from "@/lib/client/api-client";
import { type FormErrorsTranslator, formErrorSentence } from "./form-errors";

/**
 * The text to show for a failed API call: a rejected field as a sentence naming it, the API's
 * own message otherwise, or a translated fallback.
 */
export function useErrorMessage() {
  const t = useTranslations("errors");
  const formErrors = useFormErrors();
  return (error: unknown): string => {
    if (!(error instanceof ApiClientError)) return t("generic");
    if (error.code === "network_error") return t("network");
    const [field] = Object.entries(error.fields ?? {});
    if (error.code === "validation_failed" && field) return formErrorSentence(formErrors, field[0], field[1][0]);
    return error.message;
  };
}

/** The `formErrors` translator, for `withSentences` (client-side validation) and `applyFieldErrors` (the API's). */
export function useFormErrors(): FormErrorsTranslator {
  return useTranslations("formErrors") as unknown as FormErrorsTranslator;
}
