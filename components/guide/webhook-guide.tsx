import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { HealthState } from "@/lib/webhook-health";
import { Card } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { VERIFY_EXAMPLES } from "./verify-examples";

const STATES: HealthState[] = ["NO_DATA", "HEALTHY", "DEGRADED", "UNHEALTHY", "DISABLED"];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}

/** The guide for people who never used a webhook: what it is, how to set one up, receive it, verify it, keep it healthy. */
export function WebhookGuide({ timeoutSeconds }: { timeoutSeconds: number }) {
  const t = useTranslations("guide");
  const health = useTranslations("webhookPage.healthHelp");
  const p = "max-w-3xl text-sm leading-6 text-slate-700";
  return (
    <div className="flex flex-col gap-4">
      <Section id="what" title={t("whatTitle")}>
        <p className={p}>{t("whatBody")}</p>
        <p className={p}>{t("whatExample")}</p>
      </Section>

      <Section id="choose" title={t("chooseTitle")}>
        <ul className={`${p} flex list-disc flex-col gap-1 pl-5`}>
          <li>{t("chooseEvents")}</li>
          <li>{t("chooseProjects")}</li>
          <li>{t("chooseAccess")}</li>
        </ul>
        <p className={p}>
          <Link href="/event-types" className="text-brand-700 underline">
            {t("catalogLink")}
          </Link>
        </p>
      </Section>

      <Section id="receiver" title={t("receiverTitle")}>
        <ul className={`${p} flex list-disc flex-col gap-1 pl-5`}>
          <li>{t("receiverRequest")}</li>
          <li>{t("receiverAnswer", { seconds: timeoutSeconds })}</li>
          <li>{t("receiverDuplicates")}</li>
          <li>{t("receiverRedirects")}</li>
        </ul>
      </Section>

      <Section id="verify" title={t("verifyTitle")}>
        <p className={p}>{t("verifyIntro")}</p>
        <p className={p}>{t("verifySteps")}</p>
        <p className={p}>{t("verifyRotation")}</p>
        {VERIFY_EXAMPLES.map((example) => (
          <div key={example.id} className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium">{example.label}</h3>
              <CopyButton
                text={example.code}
                label={t("copy", { language: example.label })}
                copiedLabel={t("copied")}
              />
            </div>
            <section
              aria-label={t("exampleLabel", { language: example.label })}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable code box must be reachable by keyboard
              tabIndex={0}
              className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-5 text-slate-100"
            >
              <pre>
                <code>{example.code}</code>
              </pre>
            </section>
          </div>
        ))}
        <p className={p}>{t("verifyBlue")}</p>
      </Section>

      <Section id="health" title={t("healthTitle")}>
        <p className={p}>{health("retries")}</p>
        <p className={p}>{t("healthWarnings")}</p>
        <ul className={`${p} flex list-disc flex-col gap-1 pl-5`}>
          {STATES.map((state) => (
            <li key={state}>{health(state)}</li>
          ))}
        </ul>
        <p className={p}>{t("healthAfter")}</p>
      </Section>

      <p>
        <Link
          href="/settings/webhooks/new"
          className="inline-block rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white"
        >
          {t("create")}
        </Link>
      </p>
    </div>
  );
}
