"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CodeBox } from "../ui/code-box";
import { CopyButton } from "../ui/copy-button";
import { Dialog } from "../ui/dialog";

const VERIFY_SNIPPET = `// Node.js: check Blue's X-Signature on the raw body
import crypto from "node:crypto";

const expected = crypto.createHmac("sha256", process.env.WEBHOOK_SECRET)
  .update(rawBody) // the exact bytes received, before JSON.parse
  .digest("hex");
const received = req.headers["x-signature"] ?? "";
const valid = received.length === expected.length &&
  crypto.timingSafeEqual(Buffer.from(received), Buffer.from(expected));

// Or the Standard Webhooks headers (webhook-id, -timestamp, -signature),
// which also reject replays: new Webhook(secret).verify(rawBody, headers)
// with the "standardwebhooks" or "svix" package.`;

/**
 * Shows a new secret once, with a copy button and how to verify signatures. Until the secret was
 * copied, every way out but "I have saved it" (Escape, ✕, a click outside) asks first: closing
 * loses the secret for good.
 */
export function SecretDialog({ secret, onDone }: { secret: string | null; onDone: () => void }) {
  const t = useTranslations("webhooks.secret");
  const common = useTranslations("common");
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const done = () => {
    setCopied(false);
    setConfirming(false);
    onDone();
  };
  const askToClose = () => {
    if (copied) done();
    else setConfirming(true);
  };
  return (
    <Dialog
      open={secret !== null}
      onClose={done}
      onCancel={(event) => {
        if (copied) return;
        event.preventDefault();
        setConfirming(true);
      }}
      title={t("title")}
      wide
    >
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <Button variant="ghost" aria-label={common("close")} className="-mr-2 -mt-1 px-2 py-1" onClick={askToClose}>
          <span aria-hidden>✕</span>
        </Button>
      </div>
      <p className="mb-3 mt-1 text-sm text-slate-600">{t("body")}</p>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <code data-testid="webhook-secret" className="break-all rounded bg-slate-100 px-3 py-2 font-mono text-sm">
          {secret}
        </code>
        <CopyButton
          text={secret ?? ""}
          label={t("copy")}
          copiedLabel={t("copied")}
          onCopied={() => {
            setCopied(true);
            setConfirming(false);
          }}
        />
      </div>
      <h3 className="mb-1 text-sm font-semibold">{t("verifyTitle")}</h3>
      <CodeBox dark className="mb-4 p-3">
        {VERIFY_SNIPPET}
      </CodeBox>
      {confirming ? (
        <Alert tone="error">
          <p className="font-semibold">{t("closeTitle")}</p>
          <p className="mt-1">{t("closeWarning")}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant="secondary" autoFocus onClick={() => setConfirming(false)}>
              {t("keepOpen")}
            </Button>
            <Button variant="danger" onClick={done}>
              {t("closeAnyway")}
            </Button>
          </div>
        </Alert>
      ) : null}
      <div className="mt-4 flex justify-end">
        <Button onClick={done}>{t("done")}</Button>
      </div>
    </Dialog>
  );
}
