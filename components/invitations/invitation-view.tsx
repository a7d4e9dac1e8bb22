"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { ApiClientError } from "@/lib/client/api-client";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { LinkButton } from "../ui/link-button";
import { useErrorMessage } from "../use-error-message";
import { InvitationStatusBadge } from "./invitation-status-badge";
import { useAnswerInvitation, useInviteLink } from "./queries";

/** What an invitation link offers, and the way in: sign in or up first, then accept or decline. */
export function InvitationView({ token, signedIn }: { token: string; signedIn: boolean }) {
  const t = useTranslations("invitePage");
  const format = useFormatter();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const invitation = useInviteLink(token);
  const answer = useAnswerInvitation(token, {
    onSuccess: (choice) => {
      router.push(choice === "accept" ? "/projects" : "/start");
      router.refresh();
    },
  });

  if (invitation.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (invitation.error) {
    const notFound = invitation.error instanceof ApiClientError && invitation.error.status === 404;
    return <Alert tone="error">{notFound ? t("notFound") : errorMessage(invitation.error)}</Alert>;
  }
  const i = invitation.data;
  const here = `/invite/${encodeURIComponent(token)}`;
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p>
        {t("summary", { inviter: i.invitedBy.name, company: i.company.name })}{" "}
        <InvitationStatusBadge status={i.status} />
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">{t("company")}</dt>
        <dd>{i.company.name}</dd>
        <dt className="text-slate-500">{t("invitedBy")}</dt>
        <dd>{i.invitedBy.name}</dd>
        <dt className="text-slate-500">{t("email")}</dt>
        <dd>{i.email}</dd>
        <dt className="text-slate-500">{t("projects")}</dt>
        <dd>{i.projects.length === 0 ? t("noProjects") : i.projects.map((p) => p.name).join(", ")}</dd>
        <dt className="text-slate-500">{t("expires")}</dt>
        <dd>{format.dateTime(new Date(i.expiresAt), { dateStyle: "medium", timeStyle: "short" })}</dd>
      </dl>
      {i.status === "PENDING" ? null : (
        <Alert tone={i.status === "ACCEPTED" ? "info" : "error"}>{t(`closed.${i.status}`)}</Alert>
      )}
      {i.status === "PENDING" && !signedIn ? (
        <div className="flex flex-col gap-2">
          <p>{t("signInFirst")}</p>
          <div className="flex gap-2">
            <LinkButton href={`/sign-in?next=${encodeURIComponent(here)}`}>{t("signIn")}</LinkButton>
            <LinkButton
              variant="secondary"
              href={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(i.email)}`}
            >
              {t("createAccount")}
            </LinkButton>
          </div>
        </div>
      ) : null}
      {i.status === "PENDING" && signedIn ? (
        <div className="flex flex-col gap-2">
          {answer.error ? <Alert tone="error">{errorMessage(answer.error)}</Alert> : null}
          <div className="flex gap-2">
            <Button disabled={answer.isPending} onClick={() => answer.mutate("accept")}>
              {t("accept")}
            </Button>
            <Button variant="secondary" disabled={answer.isPending} onClick={() => answer.mutate("decline")}>
              {t("decline")}
            </Button>
          </div>
        </div>
      ) : null}
      {i.status !== "PENDING" && signedIn ? (
        <Link href="/projects" className="text-brand-700 underline">
          {t("toProjects")}
        </Link>
      ) : null}
    </div>
  );
}
