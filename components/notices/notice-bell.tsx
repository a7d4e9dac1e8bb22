"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useNotices } from "./queries";

/** The header's way to the notices, with the number not read yet. */
export function NoticeBell() {
  const t = useTranslations("notices");
  const notices = useNotices();
  const unread = (notices.data ?? []).filter((n) => n.readAt === null).length;
  return (
    <Link
      href="/notices"
      aria-label={unread > 0 ? t("linkUnread", { count: unread }) : t("link")}
      className="relative rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
    >
      {t("link")}
      {unread > 0 ? (
        <span
          data-testid="unread-notices"
          className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white"
        >
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
