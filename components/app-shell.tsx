import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NoticeBell } from "./notices/notice-bell";

export async function AppShell({ userName, children }: { userName: string; children: ReactNode }) {
  const t = await getTranslations("nav");
  const app = await getTranslations("app");
  const links = [
    { href: "/projects", label: t("projects") },
    { href: "/companies", label: t("companies") },
    { href: "/settings/webhooks", label: t("webhooks") },
    { href: "/event-types", label: t("eventTypes") },
    { href: "/settings/api-tokens", label: t("apiTokens") },
    { href: "/settings/security", label: t("security") },
    { href: "/docs/api", label: t("apiDocs") },
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-3">
          <Link href="/projects" className="text-lg font-semibold text-brand-700">
            {app("name")}
          </Link>
          <nav aria-label={t("mainNavigation")} className="flex flex-1 flex-wrap gap-1">
            {links.map((l) => (
              <Link
                key={l.href}
                href={l.href}
                className="rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
              >
                {l.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <NoticeBell />
            <span className="max-w-48 truncate">{t("signedInAs", { name: userName })}</span>
            <Link
              href="/sign-out"
              className="rounded-md px-3 py-1.5 text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {t("signOut")}
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
