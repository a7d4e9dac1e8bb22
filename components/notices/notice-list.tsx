"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import { noticeText } from "@/lib/notices/notice-text";
import { useRelativeTime } from "../i18n/use-relative-time";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { useErrorMessage } from "../use-error-message";
import { DisableReason } from "../webhooks/disable-reason";
import { useMarkNoticeRead, useNotices } from "./queries";

export function NoticeList() {
  const t = useTranslations("notices");
  const relative = useRelativeTime();
  const showOriginal = useLocale() !== DEFAULT_LOCALE;
  const errorMessage = useErrorMessage();
  const notices = useNotices({ live: true });
  const markRead = useMarkNoticeRead();
  if (notices.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (notices.error) return <Alert tone="error">{errorMessage(notices.error)}</Alert>;
  if (notices.data.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="flex flex-col gap-3">
      {markRead.error ? <Alert tone="error">{errorMessage(markRead.error)}</Alert> : null}
      <ul className="flex flex-col gap-3">
        {notices.data.map((notice) => {
          const unread = notice.readAt === null;
          const text = noticeText(t, notice);
          return (
            <li
              key={notice.id}
              aria-label={text.title}
              className={`rounded-lg border p-4 ${unread ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-white"}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-medium">
                    {text.title}
                    {unread ? <span className="ml-2 text-xs font-semibold text-brand-700">{t("new")}</span> : null}
                  </p>
                  <p className="text-xs text-slate-600">{relative.ago(new Date(notice.createdAt))}</p>
                </div>
                {unread ? (
                  <Button variant="secondary" disabled={markRead.isPending} onClick={() => markRead.mutate(notice.id)}>
                    {t("markRead")}
                  </Button>
                ) : null}
              </div>
              <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{text.body}</p>
              {text.translated && notice.params?.reason ? (
                <div className="mt-1 text-sm text-slate-600">
                  <DisableReason reason={notice.params.reason} />
                </div>
              ) : null}
              {showOriginal && text.translated ? (
                <details className="mt-2 text-sm text-slate-600">
                  <summary className="cursor-pointer">{t("original")}</summary>
                  <p className="mt-1 font-medium">{notice.title}</p>
                  <p className="whitespace-pre-line">{notice.body}</p>
                </details>
              ) : null}
              {notice.webhookId ? (
                <Link
                  href={`/settings/webhooks/${notice.webhookId}`}
                  className="mt-2 inline-block text-sm text-brand-700 underline"
                >
                  {t("openWebhook")}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
