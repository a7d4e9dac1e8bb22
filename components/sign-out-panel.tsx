"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useSignOut } from "./account/queries";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { useErrorMessage } from "./use-error-message";

export function SignOutPanel() {
  const t = useTranslations("signOut");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  // Once signed out the button stays busy until the sign-in page replaces this one.
  const signOut = useSignOut({
    onSuccess: () => {
      router.replace("/sign-in?signedOut=1");
      router.refresh();
    },
  });
  const pending = signOut.isPending || signOut.isSuccess;

  return (
    <div className="flex flex-col gap-4">
      {signOut.error ? <Alert tone="error">{errorMessage(signOut.error)}</Alert> : null}
      <p className="text-sm text-slate-700">{t("question")}</p>
      <div className="flex gap-3">
        <Button onClick={() => signOut.mutate()} disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
