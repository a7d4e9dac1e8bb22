import { Suspense } from "react";
import { Prefetch } from "@/components/prefetch";
import { projectGroupsQuery } from "@/components/projects/prefetch";
import { webhookActivityQuery, webhookQuery } from "@/components/webhooks/prefetch";
import { WebhookDetail, WebhookDetailSkeleton } from "@/components/webhooks/webhook-detail";

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<WebhookDetailSkeleton />}>
      <Prefetch
        queries={(userId) => [
          webhookQuery(userId, id),
          webhookActivityQuery(userId, id, "24h"),
          projectGroupsQuery(userId),
        ]}
      >
        <WebhookDetail id={id} />
      </Prefetch>
    </Suspense>
  );
}
