"use client";

import { useTranslations } from "next-intl";
import { ApiClientError } from "@/lib/client/api-client";

/** The text to show for a failed API call: the API's own message, or a translated fallback. */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return (error: unknown): string => {
    if (error instanceof ApiClientError) return error.code === "network_error" ? t("network") : error.message;
    return t("generic");
  };
}
