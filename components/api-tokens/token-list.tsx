"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ApiTokenView } from "@/lib/validations/api-token";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { ConfirmButton } from "../ui/confirm-button";
import { useErrorMessage } from "../use-error-message";
import { useApiTokens, useRevokeApiToken } from "./queries";

/** The caller's tokens: name, prefix, when created, last used and expiring; each can be revoked. */
export function TokenList() {
  const t = useTranslations("apiTokens");
  const errorMessage = useErrorMessage();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();

  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">{t("listTitle")}</h2>
      {revoke.error ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
      {tokens.isPending ? (
        <p className="text-sm text-slate-500">{t("loading")}</p>
      ) : tokens.error ? (
        <Alert tone="error">{errorMessage(tokens.error)}</Alert>
      ) : tokens.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">{t("columnName")}</th>
                <th>{t("columnToken")}</th>
                <th>{t("columnCreated")}</th>
                <th>{t("columnLastUsed")}</th>
                <th>{t("columnExpires")}</th>
                <th>
                  <span className="sr-only">{t("revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <TokenRow
                  key={token.id}
                  token={token}
                  revoking={revoke.isPending}
                  onRevoke={() => revoke.mutate(token.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function TokenRow({ token, revoking, onRevoke }: { token: ApiTokenView; revoking: boolean; onRevoke: () => void }) {
  const t = useTranslations("apiTokens");
  const tc = useTranslations("finish.confirm");
  const format = useFormatter();
  const date = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("never");
  return (
    <tr className="border-t border-slate-100">
      <td className="py-2 font-medium">{token.name}</td>
      <td className="font-mono text-xs">{token.prefix}…</td>
      <td>{date(token.createdAt)}</td>
      <td>{date(token.lastUsedAt)}</td>
      <td>{date(token.expiresAt)}</td>
      <td className="text-right">
        <ConfirmButton
          variant="danger"
          aria-label={`${t("revoke")} ${token.name}`}
          disabled={revoking}
          title={tc("revokeTokenTitle")}
          question={t("revokeConfirm", { name: token.name })}
          confirmLabel={t("revoke")}
          onConfirm={onRevoke}
        >
          {t("revoke")}
        </ConfirmButton>
      </td>
    </tr>
  );
}
