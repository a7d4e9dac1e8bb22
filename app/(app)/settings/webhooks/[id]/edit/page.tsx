import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { eventTypeGroupsQuery } from "@/components/event-types/prefetch";
import { Prefetch } from "@/components/prefetch";
import { projectGroupsQuery } from "@/components/projects/prefetch";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { ApiError } from "@/lib/api/errors";
import { currentUserId } from "@/lib/auth/auth";
import { webhookResponse } from "@/lib/validations/webhook";
import { getWebhook } from "@/lib/webhooks/get-webhook";

export async function generateMetadata() {
  return { title: (await getTranslations("webhooks.form"))("editTitle") };
}

export default async function EditWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const userId = await currentUserId();
  if (!userId) redirect("/sign-in");
  const webhook = await getWebhook(userId, id).catch((error) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  const t = await getTranslations("webhooks.form");
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <Prefetch queries={[eventTypeGroupsQuery(), projectGroupsQuery(userId)]}>
        <WebhookForm webhook={webhookResponse.parse(webhook)} />
      </Prefetch>
    </>
  );
}
