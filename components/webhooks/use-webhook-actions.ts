"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { deliveryKeys, webhookKeys } from "@/lib/client/query-keys";
import { EVENT_TYPES } from "@/lib/events/catalog";
import type { WebhookView } from "@/lib/validations/webhook";
import { useToast } from "../ui/toaster";
import { useErrorMessage } from "../use-error-message";

/** Enable/disable, rotate, delete and "send test" for one webhook, wherever it is shown. */
export function useWebhookActions(
  webhook: Pick<WebhookView, "id" | "enabled" | "allEvents" | "events">,
  onSecret: (secret: string) => void,
) {
  const t = useTranslations("webhooks");
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: ({ path, method }: { path: string; method: string }) =>
      apiFetch<WebhookView & { secret?: string }>(`/api/v1/webhooks/${webhook.id}${path}`, { method }),
    // The list flips at once; a failure puts it back when it is refetched.
    onMutate: async ({ path }) => {
      if (path !== "/enable" && path !== "/disable") return;
      // A background refetch already on its way would put the old state back.
      await queryClient.cancelQueries({ queryKey: webhookKeys.list() });
      queryClient.setQueryData<WebhookView[]>(webhookKeys.list(), (list) =>
        list?.map((w) => (w.id === webhook.id ? { ...w, enabled: path === "/enable" } : w)),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
    onSuccess: (result, { path }) => {
      if (path === "/enable" || path === "/disable")
        queryClient.setQueryData<WebhookView>(
          webhookKeys.detail(webhook.id),
          (d) => d && { ...d, enabled: result.enabled },
        );
      if (path === "/rotate-secret" && result?.secret) onSecret(result.secret);
      if (path === "/enable") toast("success", t("enabledToast"));
      if (path === "/disable") toast("success", t("disabledToast"));
      if (path === "") toast("success", t("deleted"));
    },
    onError: (error) => toast("error", errorMessage(error)),
  });
  // The switch answers at once; once the server has answered and the webhook was refetched
  // (the hook's onSettled is awaited first), it shows the server's state — a refused re-enable
  // leaves it off.
  const [requested, setRequested] = useState<boolean | null>(null);
  const enabled = requested ?? webhook.enabled;
  const setEnabled = (next: boolean) => {
    setRequested(next);
    action.mutate({ path: next ? "/enable" : "/disable", method: "POST" }, { onSettled: () => setRequested(null) });
  };
  // "Send test" sends the sample of an event the webhook receives, the one picked if any.
  const testEvents = webhook.allEvents || webhook.events.length === 0 ? [...EVENT_TYPES] : webhook.events;
  const [picked, setTestEvent] = useState<string | null>(null);
  const testEvent = picked && testEvents.includes(picked) ? picked : testEvents[0];
  const sendTest = useMutation({
    mutationFn: () =>
      apiFetch<{ ok: boolean; statusCode: number | null; latencyMs: number; errorMessage: string | null }>(
        `/api/v1/webhooks/${webhook.id}/test`,
        { body: { eventType: testEvent } },
      ),
    onSuccess: (r) =>
      r.ok
        ? toast("success", t("testOk", { status: r.statusCode ?? 0, ms: r.latencyMs }))
        : toast("error", t("testFailed", { error: r.errorMessage ?? "" })),
    onError: (error) => toast("error", errorMessage(error)),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
        queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
      ]),
  });
  return { action, sendTest, enabled, setEnabled, testEvents, testEvent, setTestEvent };
}
