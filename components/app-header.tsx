"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { LanguageMenu } from "./i18n/language-menu";
import { NoticeBell } from "./notices/notice-bell";
import { ThemeButton, ThemeMenu } from "./ui/theme-menu";

const LINKS = [
  { href: "/projects", key: "projects" },
  { href: "/companies", key: "companies" },
  { href: "/settings/webhooks", key: "webhooks" },
  { href: "/event-types", key: "eventTypes" },
  { href: "/settings/api-tokens", key: "apiTokens" },
  { href: "/settings/security", key: "security" },
  { href: "/docs/api", key: "apiDocs" },
] as const;

const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

function NavLinks({ pathname, stacked }: { pathname: string; stacked: boolean }) {
  const t = useTranslations("nav");
  return (
    <nav aria-label={t("mainNavigation")} className={stacked ? "flex flex-col gap-1" : "flex flex-1 flex-wrap gap-1"}>
      {LINKS.map((l) => {
        const current = isCurrent(pathname, l.href);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 ${
              current ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700"
            } ${stacked ? "py-2.5" : ""}`}
          >
            {t(l.key)}
          </Link>
        );
      })}
    </nav>
  );
}

function SignOutLink() {
  const t = useTranslations("nav");
  return (
    <Link
      href="/sign-out"
      className="whitespace-nowrap rounded-md px-3 py-1.5 text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
    >
      {t("signOut")}
    </Link>
  );
}

/**
 * The app's header. Wide screens show every link in one row; narrower ones (phones, tablets) a
 * Menu button that opens the links, the language and Sign out below the header.
 */
export function AppHeader({ userName }: { userName: string }) {
  const t = useTranslations("nav");
  const app = useTranslations("app");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // A link in the open menu navigates: the menu closes on the new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => setOpen(false), [pathname]);

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/projects" className="shrink-0 text-lg font-semibold text-brand-700">
          {app("name")}
        </Link>
        <div className="hidden flex-1 xl:flex">
          <NavLinks pathname={pathname} stacked={false} />
        </div>
        <div className="hidden items-center gap-3 text-sm text-slate-600 xl:flex">
          <NoticeBell />
          <LanguageMenu signedIn compact />
          <ThemeButton />
          <span className="max-w-40 truncate">{t("signedInAs", { name: userName })}</span>
          <SignOutLink />
        </div>
        <div className="flex items-center gap-2 xl:hidden">
          <NoticeBell />
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
            className="inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
              {open ? (
                <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" />
              ) : (
                <path d="M4 7h16M4 12h16M4 17h16" strokeLinecap="round" />
              )}
            </svg>
            {t("menu")}
          </button>
        </div>
      </div>
      {open ? (
        <div id={panelId} className="border-t border-slate-200 px-4 pb-4 pt-2 sm:px-6 xl:hidden">
          <NavLinks pathname={pathname} stacked />
          <div className="mt-3 flex flex-col gap-3 border-t border-slate-200 pt-3 text-sm text-slate-600">
            <LanguageMenu signedIn />
            <ThemeMenu />
            <span className="truncate">{t("signedInAs", { name: userName })}</span>
            <div>
              <SignOutLink />
            </div>
          </div>
        </div>
      ) : null}
    </header>
  );
}
