import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";

export async function generateMetadata() {
  return { title: (await getTranslations("webhooks.form"))("createTitle") };
}

export default async function NewWebhookPage() {
  const t = await getTranslations("webhooks.form");
  return (
    <>
      <PageHeader title={t("createTitle")} />
      <WebhookForm />
    </>
  );
}
