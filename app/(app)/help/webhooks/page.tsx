import { getTranslations } from "next-intl/server";
import { WebhookGuide } from "@/components/guide/webhook-guide";
import { PageHeader } from "@/components/ui/page-header";
import { deliveryTimeoutMs } from "@/lib/delivery-engine/config";

export async function generateMetadata() {
  return { title: (await getTranslations("guide"))("title") };
}

// /help/webhooks — a short guide for people who have never used a webhook
export default async function WebhookGuidePage() {
  const t = await getTranslations("guide");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <WebhookGuide timeoutSeconds={Math.round(deliveryTimeoutMs() / 1000)} />
    </>
  );
}
