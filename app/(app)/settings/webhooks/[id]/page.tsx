import { Suspense } from "react";
import { WebhookDetail } from "@/components/webhooks/webhook-detail";

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <WebhookDetail id={id} />
    </Suspense>
  );
}
