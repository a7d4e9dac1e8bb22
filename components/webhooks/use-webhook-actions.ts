"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { EVENT_TYPES } from "@/lib/events/catalog";
import type { WebhookView } from "@/lib/validations/webhook";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";
import { useDeleteWebhook, useRotateWebhookSecret, useSendTestEvent, useSetWebhookEnabled } from "./queries";

/** Enable/disable, rotate, delete and "send test" for one webhook, wherever it is shown. */
export function useWebhookActions(
  webhook: Pick<WebhookView, "id" | "enabled" | "allEvents" | "events">,
  onSecret: (secret: string) => void,
) {
  const t = useTranslations("webhooks");
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const onError = (error: Error) => toast("error", errorMessage(error));
  const toggle = useSetWebhookEnabled(webhook.id, {
    onSuccess: (_result, enabled) => toast("success", enabled ? t("enabledToast") : t("disabledToast")),
    onError,
  });
  const rotate = useRotateWebhookSecret(webhook.id, { onSuccess: (result) => onSecret(result.secret), onError });
  const remove = useDeleteWebhook(webhook.id, { onSuccess: () => toast("success", t("deleted")), onError });
  // The switch answers at once; once the server has answered and the webhook was refetched
  // (the hook's onSettled is awaited first), it shows the server's state — a refused re-enable
  // leaves it off.
  const [requested, setRequested] = useState<boolean | null>(null);
  const enabled = requested ?? webhook.enabled;
  const setEnabled = (next: boolean) => {
    setRequested(next);
    toggle.mutate(next, { onSettled: () => setRequested(null) });
  };
  // "Send test" sends the sample of an event the webhook receives, the one picked if any.
  const testEvents = webhook.allEvents || webhook.events.length === 0 ? [...EVENT_TYPES] : webhook.events;
  const [picked, setTestEvent] = useState<string | null>(null);
  const testEvent = picked && testEvents.includes(picked) ? picked : testEvents[0];
  const test = useSendTestEvent(webhook.id, {
    onSuccess: (r) =>
      r.ok
        ? toast("success", t("testOk", { status: r.statusCode ?? 0, ms: r.latencyMs }))
        : toast("error", t("testFailed", { error: r.errorMessage ?? "" })),
    onError,
  });
  return {
    toggle,
    rotate,
    remove,
    sendTest: () => test.mutate({ eventType: testEvent }),
    testing: test.isPending,
    error: toggle.error ?? rotate.error ?? remove.error,
    enabled,
    setEnabled,
    testEvents,
    testEvent,
    setTestEvent,
  };
}
