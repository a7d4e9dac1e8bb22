"use client";

import { useTranslations } from "next-intl";
import type { InvitationStatus } from "@/lib/client/people-types";

const TONES: Record<InvitationStatus, string> = {
  PENDING: "bg-sky-100 text-sky-800",
  ACCEPTED: "bg-emerald-100 text-emerald-800",
  DECLINED: "bg-slate-100 text-slate-700",
  REVOKED: "bg-red-100 text-red-800",
  EXPIRED: "bg-amber-100 text-amber-800",
};

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const t = useTranslations("invitationStatus");
  return <span className={`ml-1 rounded px-1.5 py-0.5 text-xs font-medium ${TONES[status]}`}>{t(status)}</span>;
}
