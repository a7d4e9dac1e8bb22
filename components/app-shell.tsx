import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "./app-header";
import { LanguageMenu } from "./i18n/language-menu";
import { noticesQuery } from "./notices/prefetch";
import { Prefetch } from "./prefetch";
import { MAIN_ID } from "./ui/skip-link";
import { ThemeButton } from "./ui/theme-menu";

const MAIN_CLASS = "mx-auto max-w-6xl px-4 py-6 outline-none sm:px-6 sm:py-8";

/** The frame of a signed-in page: the header, its bell's unread count already counted on the server. */
export function AppShell({ userName, children }: { userName: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <Prefetch queries={(userId) => [noticesQuery(userId)]}>
        <AppHeader userName={userName} />
      </Prefetch>
      <main id={MAIN_ID} tabIndex={-1} className={MAIN_CLASS}>
        {children}
      </main>
    </div>
  );
}

/** The frame of a page open to signed-out visitors (the API docs): the app's name, language, theme and Sign in. */
export async function PublicShell({ children }: { children: ReactNode }) {
  const app = await getTranslations("app");
  const signIn = await getTranslations("signIn");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Link href="/sign-in" className="shrink-0 text-lg font-semibold text-brand-700">
            {app("name")}
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <LanguageMenu signedIn={false} compact />
            <ThemeButton />
            <Link
              href="/sign-in"
              className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {signIn("title")}
            </Link>
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={MAIN_CLASS}>
        {children}
      </main>
    </div>
  );
}
