import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookList } from "@/components/webhooks/webhook-list";

export async function generateMetadata() {
  return { title: (await getTranslations("webhooks"))("title") };
}

export default async function WebhooksPage() {
  const t = await getTranslations("webhooks");
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link
            href="/settings/webhooks/new"
            className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white"
          >
            {t("new")}
          </Link>
        }
      />
      <WebhookList />
    </>
  );
}
