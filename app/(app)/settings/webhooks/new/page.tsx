import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { eventTypeGroupsQuery } from "@/components/event-types/prefetch";
import { Prefetch } from "@/components/prefetch";
import { projectGroupsQuery } from "@/components/projects/prefetch";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCards } from "@/components/ui/skeleton";
import { WebhookForm } from "@/components/webhooks/webhook-form";

export async function generateMetadata() {
  return { title: (await getTranslations("webhooks.form"))("createTitle") };
}

export default async function NewWebhookPage() {
  const t = await getTranslations("webhooks.form");
  const loading = await getTranslations("loading");
  return (
    <>
      <PageHeader title={t("createTitle")} />
      <Suspense fallback={<SkeletonCards label={loading("form")} cards={3} />}>
        <Prefetch queries={(userId) => [eventTypeGroupsQuery(), projectGroupsQuery(userId)]}>
          <WebhookForm />
        </Prefetch>
      </Suspense>
    </>
  );
}
