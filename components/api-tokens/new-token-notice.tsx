"use client";

import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import type { CreatedApiToken } from "./queries";

/** The token just created, with Copy: the only time it is shown. */
export function NewTokenNotice({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
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
