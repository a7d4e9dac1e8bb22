import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Prefetch } from "@/components/prefetch";
import { projectGroupsQuery } from "@/components/projects/prefetch";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCards } from "@/components/ui/skeleton";
import { webhooksQuery } from "@/components/webhooks/prefetch";
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
      <Suspense fallback={<SkeletonCards label={t("loading")} cards={1} lines={4} />}>
        <Prefetch queries={(userId) => [webhooksQuery(userId), projectGroupsQuery(userId)]}>
          <WebhookList />
        </Prefetch>
      </Suspense>
    </>
  );
}
