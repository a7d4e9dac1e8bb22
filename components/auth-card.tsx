import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageMenu } from "./i18n/language-menu";
import { MAIN_ID } from "./ui/skip-link";
import { ThemeMenu } from "./ui/theme-menu";

export async function AuthCard({
  title,
  subtitle,
  children,
  signedIn = false,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  /** Whether the language chosen here is also saved on the account. */
  signedIn?: boolean;
}) {
  const app = await getTranslations("app");
  return (
    <main id={MAIN_ID} tabIndex={-1} className="flex min-h-screen items-center justify-center px-4 outline-none">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold text-brand-700">{app("name")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{title}</h1>
          <p className="mb-5 mt-1 text-sm text-slate-600">{subtitle}</p>
          {children}
        </div>
        <div className="mt-4 flex flex-wrap justify-center gap-4">
          <LanguageMenu signedIn={signedIn} />
          <ThemeMenu />
        </div>
      </div>
    </main>
  );
}
