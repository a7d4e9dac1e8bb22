// The webhook queries as the server answers them, with the data the API routes send.
import { webhookKeys } from "@/lib/client/query-keys";
import { activityResponse, webhookDetailResponse, webhookListResponse } from "@/lib/validations/webhook";
import { getWebhookWithHealth } from "@/lib/webhooks/get-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { webhookActivity } from "@/lib/webhooks/webhook-activity";
import type { ServerQuery } from "../prefetch";
import type { ActivityRange, WebhookActivity, WebhookDetail, WebhookListItem } from "./queries";

export const webhooksQuery = (userId: string): ServerQuery<WebhookListItem[]> => ({
  queryKey: webhookKeys.list(),
  queryFn: async () => webhookListResponse.parse({ data: await listWebhooks(userId) }).data,
});

export const webhookQuery = (userId: string, id: string): ServerQuery<WebhookDetail> => ({
  queryKey: webhookKeys.detail(id),
  queryFn: async () => webhookDetailResponse.parse(await getWebhookWithHealth(userId, id)),
});

export const webhookActivityQuery = (
  userId: string,
  id: string,
  range: ActivityRange,
): ServerQuery<WebhookActivity> => ({
  queryKey: webhookKeys.activity(id, range),
  queryFn: async () => activityResponse.parse(await webhookActivity(userId, id, range)),
});
