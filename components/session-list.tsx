"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { SessionView } from "@/lib/auth/sessions/schema";
import { useEndAllSessions, useEndSession, useSessions } from "./account/queries";
import { Alert } from "./ui/alert";
import { Card } from "./ui/card";
import { ConfirmButton } from "./ui/confirm-button";
import { SkeletonBar } from "./ui/skeleton";
import { useErrorMessage } from "./use-error-message";

export function SessionList() {
  const t = useTranslations("security");
  const tc = useTranslations("finish.confirm");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const sessions = useSessions();
  // Ending this device's own session signs it out: leave for the sign-in page.
  const signedOut = () => {
    router.replace("/sign-in?signedOut=1");
    router.refresh();
  };
  const end = useEndSession({ onSuccess: (session) => (session.current ? signedOut() : undefined) });
  const endAll = useEndAllSessions({ onSuccess: signedOut });
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const device = ({ device: { browser, os } }: SessionView) =>
    browser && os
      ? t("device", { browser, os })
      : browser
        ? t("browserOnly", { browser })
        : os
          ? t("osOnly", { os })
          : t("unknownDevice");
  const failure = end.error ?? endAll.error;

  return (
    <Card>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">{t("sessionsTitle")}</h2>
          <p className="text-sm text-slate-600">{t("sessionsHint")}</p>
        </div>
        <ConfirmButton
          variant="danger"
          disabled={endAll.isPending}
          title={tc("signOutEverywhereTitle")}
          question={t("signOutEverywhereConfirm")}
          confirmLabel={t("signOutEverywhere")}
          onConfirm={() => endAll.mutate()}
        >
          {t("signOutEverywhere")}
        </ConfirmButton>
      </div>
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
      {sessions.isPending ? (
        <div className="flex flex-col gap-2" aria-busy="true">
          <p role="status" className="sr-only">
            {t("loading")}
          </p>
          {[0, 1, 2].map((row) => (
            <SkeletonBar key={row} className="h-8 w-full" />
          ))}
        </div>
      ) : sessions.error ? (
        <Alert tone="error">{errorMessage(sessions.error)}</Alert>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">{t("columnDevice")}</th>
                <th>{t("columnAddress")}</th>
                <th>{t("columnSignedIn")}</th>
                <th>{t("columnLastSeen")}</th>
                <th>
                  <span className="sr-only">{t("revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((session) => (
                <tr key={session.id} className="border-t border-slate-100" title={session.userAgent ?? undefined}>
                  <td className="py-2 font-medium">
                    {device(session)}
                    {session.current ? (
                      <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">
                        {t("thisDevice")}
                      </span>
                    ) : null}
                  </td>
                  <td className="font-mono text-xs">{session.ipAddress ?? t("unknownAddress")}</td>
                  <td>{date(session.createdAt)}</td>
                  <td>{date(session.lastSeenAt)}</td>
                  <td className="text-right">
                    <ConfirmButton
                      variant="secondary"
                      aria-label={`${t("revoke")}: ${device(session)}${session.current ? ` (${t("thisDevice")})` : ""}`}
                      disabled={end.isPending}
                      title={tc("endSessionTitle")}
                      question={t("revokeConfirm", { device: device(session) })}
                      confirmLabel={t("revoke")}
                      onConfirm={() => end.mutate(session)}
                    >
                      {t("revoke")}
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
