"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { useErrorMessage } from "./use-error-message";

export function SignOutPanel() {
  const t = useTranslations("signOut");
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setPending(true);
    setError(null);
    try {
      await apiFetch("/api/v1/auth/sign-out", { method: "POST" });
      queryClient.clear();
      router.replace("/sign-in?signedOut=1");
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="text-sm text-slate-700">{t("question")}</p>
      <div className="flex gap-3">
        <Button onClick={signOut} disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
