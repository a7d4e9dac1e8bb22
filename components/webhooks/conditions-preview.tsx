"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { DEFAULT_PREVIEW_DAYS, PREVIEW_EVENT_LIMIT } from "@/lib/validations/webhook-preview";
import { useEventText } from "../i18n/use-event-text";
import { useRelativeTime } from "../i18n/use-relative-time";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import { type ConditionGroup, previewBody, rulePaths } from "./conditions-model";
import { type PreviewBody, type PreviewExample, useDebounced, usePreview } from "./conditions-queries";
import { ruleSentence, type SentenceContext } from "./conditions-sentence";
import { useSendTestEvent } from "./queries";

/** The preview asks again once the form has not changed for this long. */
const DEBOUNCE_MS = 600;

/**
 * "In the last 7 days this would have sent N of M events", with examples; for a chosen example,
 * which rules held (✓) and which did not (✗).
 */
export function ConditionsPreview({
  form,
  ctx,
  webhookId,
}: {
  form: PreviewBody;
  ctx: SentenceContext;
  /** A saved webhook: its matched examples can be sent to it as a test. */
  webhookId?: string;
}) {
  const t = useTranslations("conditions.preview");
  const settled = useDebounced(previewBody(form, ctx.customFieldType), DEBOUNCE_MS);
  const preview = usePreview(typeof settled === "string" ? null : { ...settled, days: DEFAULT_PREVIEW_DAYS });
  const [chosen, setChosen] = useState<string | null>(null);
  const answer = preview.data;

  return (
    <section
      aria-labelledby="conditions-preview-title"
      className="flex flex-col gap-3"
      data-testid="conditions-preview"
    >
      <h2 id="conditions-preview-title" className="text-sm font-semibold text-slate-800">
        {t("title")}
      </h2>
      <div aria-live="polite" className="flex flex-col gap-2 text-sm">
        {typeof settled === "string" ? (
          <p className="text-slate-500">{t(settled)}</p>
        ) : preview.isError ? (
          <p className="text-slate-500">{t("unavailable")}</p>
        ) : !answer ? (
          <p role="status" className="text-slate-500">
            {t("loading")}
          </p>
        ) : (
          <>
            <p className="font-medium text-slate-800" data-testid="preview-count">
              {t("count", { days: DEFAULT_PREVIEW_DAYS, matched: answer.matched, considered: answer.considered })}
            </p>
            {answer.capped ? (
              <p className="text-xs text-slate-500">{t("capped", { limit: PREVIEW_EVENT_LIMIT })}</p>
            ) : null}
            {preview.isFetching ? <p className="text-xs text-slate-500">{t("refreshing")}</p> : null}
          </>
        )}
      </div>
      {answer && typeof settled !== "string" && !preview.isError ? (
        <>
          {answer.examples.length === 0 ? <p className="text-sm text-slate-500">{t("noExamples")}</p> : null}
          {webhookId && answer.examples.length > 0 ? (
            <p className="text-xs text-slate-500">{t("sendTestHint")}</p>
          ) : null}
          <ExampleList
            title={t("examples")}
            testId="preview-examples"
            items={answer.examples}
            webhookId={webhookId}
            chosen={chosen}
            conditions={form.conditions}
            ctx={ctx}
            onChoose={setChosen}
          />
          <ExampleList
            title={t("misses")}
            testId="preview-misses"
            items={answer.misses}
            chosen={chosen}
            conditions={form.conditions}
            ctx={ctx}
            onChoose={setChosen}
          />
        </>
      ) : null}
    </section>
  );
}

function ExampleList({
  title,
  testId,
  items,
  chosen,
  conditions,
  ctx,
  onChoose,
  webhookId,
}: {
  title: string;
  testId: string;
  items: PreviewExample[];
  webhookId?: string;
  chosen: string | null;
  conditions: ConditionGroup | null;
  ctx: SentenceContext;
  onChoose: (eventId: string | null) => void;
}) {
  if (items.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <ul className="flex flex-col gap-1" data-testid={testId}>
        {items.map((e) => (
          <li key={e.eventId}>
            <ExampleButton
              example={e}
              chosen={e.eventId === chosen}
              checkable={conditions !== null}
              onChoose={() => onChoose(e.eventId === chosen ? null : e.eventId)}
            />
            {e.eventId === chosen && conditions ? <RuleResults example={e} conditions={conditions} ctx={ctx} /> : null}
            {webhookId ? <SendAsTest webhookId={webhookId} example={e} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExampleButton({
  example,
  chosen,
  checkable,
  onChoose,
}: {
  example: PreviewExample;
  chosen: boolean;
  checkable: boolean;
  onChoose: () => void;
}) {
  const t = useTranslations("conditions.preview");
  const format = useFormatter();
  const relative = useRelativeTime();
  const eventText = useEventText();
  const when = new Date(example.occurredAt);
  const body = (
    <>
      <span className="font-medium text-slate-800">{eventText.label(example.type)}</span>
      <span className="min-w-0 break-words text-slate-700">{example.record?.title ?? t("noRecord")}</span>
      <span className="text-xs text-slate-500">
        {example.projectName} ·{" "}
        <time dateTime={example.occurredAt} title={format.dateTime(when, { dateStyle: "medium", timeStyle: "short" })}>
          {relative.ago(when)}
        </time>
      </span>
    </>
  );
  const className = "flex w-full min-w-0 flex-col items-start gap-0.5 rounded-md px-2 py-1.5 text-left text-sm";
  if (!checkable) return <div className={`${className} bg-slate-50`}>{body}</div>;
  return (
    <button
      type="button"
      aria-expanded={chosen}
      onClick={onChoose}
      className={`${className} ring-1 focus-visible:outline-2 focus-visible:outline-brand-600 ${chosen ? "bg-brand-50 ring-brand-500" : "ring-slate-200 hover:bg-slate-50"}`}
    >
      {body}
      <span className="text-xs text-brand-700">{chosen ? t("hideRules") : t("showRules")}</span>
    </button>
  );
}

/** Each rule of the conditions with ✓ or ✗ for the chosen example. */
function RuleResults({
  example,
  conditions,
  ctx,
}: {
  example: PreviewExample;
  conditions: ConditionGroup;
  ctx: SentenceContext;
}) {
  const t = useTranslations("conditions.preview");
  const passed = new Map(example.results.map((r) => [r.path, r.passed]));
  return (
    <ul className="mt-1 flex flex-col gap-1 pl-2 text-sm" data-testid="rule-results" aria-label={t("resultsLabel")}>
      {rulePaths(conditions).map(({ path, rule, nested }) => {
        const held = passed.get(path);
        return (
          <li key={path} className={`flex items-start gap-2 ${nested ? "pl-4" : ""}`}>
            <span aria-hidden="true" className={held ? "text-emerald-700" : "text-red-700"}>
              {held === undefined ? "–" : held ? "✓" : "✗"}
            </span>
            <span className="min-w-0 break-words">
              {ruleSentence(rule, ctx)}
              <span className="sr-only">
                {" "}
                ({held === undefined ? t("notChecked") : held ? t("held") : t("notHeld")})
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Sends this real recent event to the saved webhook, as "Send test" does with a sample. */
function SendAsTest({ webhookId, example }: { webhookId: string; example: PreviewExample }) {
  const t = useTranslations("conditions.preview");
  const tw = useTranslations("webhooks");
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const send = useSendTestEvent(webhookId, {
    onSuccess: (r) =>
      r.ok
        ? toast("success", tw("testOk", { status: r.statusCode ?? 0, ms: r.latencyMs }))
        : toast("error", tw("testFailed", { error: r.errorMessage ?? "" })),
    onError: (error) => toast("error", errorMessage(error)),
  });
  return (
    <button
      type="button"
      disabled={send.isPending}
      onClick={() => send.mutate({ eventId: example.eventId })}
      aria-label={t("sendTestNamed", { record: example.record?.title ?? t("noRecord") })}
      className="mt-1 rounded-md px-2 py-1 text-xs text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-50"
    >
      {send.isPending ? t("sending") : t("sendTest")}
    </button>
  );
}
