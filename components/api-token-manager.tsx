"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import { apiTokenKeys } from "@/lib/client/query-keys";
import { type ApiTokenView, createApiTokenSchema } from "@/lib/validations/api-token";
import { applyFieldErrors, withSentences } from "./form-errors";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card } from "./ui/card";
import { ConfirmButton } from "./ui/confirm-button";
import { CopyButton } from "./ui/copy-button";
import { TextField } from "./ui/text-field";
import { useErrorMessage, useFormErrors } from "./use-error-message";

type CreatedToken = ApiTokenView & { token: string };
const EXPIRY_CHOICES = [null, 30, 90, 365] as const;

export function ApiTokenManager() {
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <div className="flex flex-col gap-6">
      {created ? <NewTokenNotice token={created} onDone={() => setCreated(null)} /> : null}
      <CreateTokenForm onCreated={setCreated} />
      <TokenList />
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const t = useTranslations("apiTokens");
  const errorMessage = useErrorMessage();
  const formErrors = useFormErrors();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof createApiTokenSchema>, unknown, z.output<typeof createApiTokenSchema>>({
    resolver: withSentences(zodResolver(createApiTokenSchema), formErrors),
    defaultValues: { name: "", expiresInDays: null },
  });
  const create = useMutation({
    mutationFn: (values: z.output<typeof createApiTokenSchema>) =>
      apiFetch<CreatedToken>("/api/v1/api-tokens", { body: values }),
    onSuccess: (token) => {
      form.reset();
      onCreated(token);
      return queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    },
    onError: (error) => {
      if (!applyFieldErrors(error, form.setError, ["name", "expiresInDays"], formErrors))
        setFormError(errorMessage(error));
    },
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(values);
  });

  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField
          className="min-w-0 flex-1 basis-64"
          label={t("name")}
          placeholder={t("namePlaceholder")}
          error={form.formState.errors.name?.message}
          {...form.register("name")}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="token-expiry" className="text-sm font-medium text-slate-700">
            {t("expiry")}
          </label>
          <select
            id="token-expiry"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            {...form.register("expiresInDays", { setValueAs: (v) => (v === "" || v === null ? null : Number(v)) })}
          >
            {EXPIRY_CHOICES.map((days) => (
              <option key={days ?? "never"} value={days ?? ""}>
                {days ? t("expiryDays", { days }) : t("expiryNever")}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
      </form>
    </Card>
  );
}

function NewTokenNotice({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const t = useTranslations("apiTokens");
  return (
    <section aria-labelledby="new-token-title" className="rounded-lg border border-emerald-300 bg-emerald-50 p-5">
      <h2 id="new-token-title" className="font-semibold text-emerald-900">
        {t("createdTitle")}
      </h2>
      <p className="mb-3 text-sm text-emerald-900">{t("createdHint")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <code
          data-testid="new-token"
          className="break-all rounded bg-white px-3 py-2 font-mono text-sm ring-1 ring-emerald-200"
        >
          {token.token}
        </code>
        <CopyButton text={token.token} label={t("copy")} copiedLabel={t("copied")} />
        <Button variant="secondary" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
    </section>
  );
}

function TokenList() {
  const t = useTranslations("apiTokens");
  const tc = useTranslations("finish.confirm");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: apiTokenKeys.list(),
    queryFn: () => apiFetch<{ data: ApiTokenView[] }>("/api/v1/api-tokens").then((r) => r.data),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/api-tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
  const date = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("never");

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
                <tr key={token.id} className="border-t border-slate-100">
                  <td className="py-2 font-medium">{token.name}</td>
                  <td className="font-mono text-xs">{token.prefix}…</td>
                  <td>{date(token.createdAt)}</td>
                  <td>{date(token.lastUsedAt)}</td>
                  <td>{date(token.expiresAt)}</td>
                  <td className="text-right">
                    <ConfirmButton
                      variant="danger"
                      aria-label={`${t("revoke")} ${token.name}`}
                      disabled={revoke.isPending}
                      title={tc("revokeTokenTitle")}
                      question={t("revokeConfirm", { name: token.name })}
                      confirmLabel={t("revoke")}
                      onConfirm={() => revoke.mutate(token.id)}
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
