"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useNotices } from "./queries";

/** The header's bell: the way to the notices, with the number not read yet. */
export function NoticeBell() {
  const t = useTranslations("notices");
  const notices = useNotices();
  const unread = (notices.data ?? []).filter((n) => n.readAt === null).length;
  return (
    <Link
      href="/notices"
      aria-label={unread > 0 ? t("linkUnread", { count: unread }) : t("link")}
      title={t("link")}
      className="relative inline-flex items-center rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 ? (
        <span className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
