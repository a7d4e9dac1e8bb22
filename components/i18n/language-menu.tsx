"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { isLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/locales";
import { useUpdateMe } from "../account/queries";
import { useErrorMessage } from "../use-error-message";

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The app's language. The choice is kept in a cookie for this browser (signed-out pages read it)
 * and, when signed in, saved on the account so that every device follows it. `compact` hides the
 * label visually (the header's one-line layout).
 */
export function LanguageMenu({ signedIn, compact = false }: { signedIn: boolean; compact?: boolean }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function apply(next: Locale) {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-secret preference the server reads on the next render
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    startTransition(() => router.refresh());
  }
  const save = useUpdateMe({
    onSuccess: ({ locale: saved }) => {
      if (saved) apply(saved);
    },
    onError: (failure) => setError(errorMessage(failure)),
  });

  function choose(next: Locale) {
    setError(null);
    if (signedIn) save.mutate({ locale: next });
    else apply(next);
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className={compact ? "sr-only" : "text-slate-600"}>
        {t("label")}
      </label>
      <select
        id={id}
        value={locale}
        disabled={pending}
        onChange={(e) => {
          if (isLocale(e.target.value)) choose(e.target.value);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
