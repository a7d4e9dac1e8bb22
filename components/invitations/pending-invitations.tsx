"use client";

import { useTranslations } from "next-intl";
import { useMyInvitations } from "../companies/queries";
import { useRelativeTime } from "../i18n/use-relative-time";
import { LinkButton } from "../ui/link-button";

/** The signed-in user's open invitations, each a link to its page (accept or decline there). */
export function PendingInvitations() {
  const t = useTranslations("pendingInvitations");
  const relative = useRelativeTime();
  const invitations = useMyInvitations();
  const pending = (invitations.data ?? []).filter((i) => i.status === "PENDING");
  if (pending.length === 0) return null;
  return (
    <section aria-label={t("title")} className="rounded-lg border border-sky-200 bg-sky-50 p-4">
      <h2 className="mb-2 font-semibold text-sky-900">{t("title")}</h2>
      <ul className="flex flex-col gap-2 text-sm">
        {pending.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {t("from", {
                inviter: invitation.invitedBy.name,
                company: invitation.company.name,
                expires: relative.until(new Date(invitation.expiresAt)),
              })}
            </span>
            <LinkButton href={invitation.url.replace(/^https?:\/\/[^/]+/, "")}>{t("open")}</LinkButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
