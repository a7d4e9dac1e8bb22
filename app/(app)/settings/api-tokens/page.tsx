import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ApiTokenManager } from "@/components/api-tokens/api-token-manager";
import { apiTokensQuery } from "@/components/api-tokens/prefetch";
import { Prefetch } from "@/components/prefetch";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCards } from "@/components/ui/skeleton";

export async function generateMetadata() {
  return { title: (await getTranslations("apiTokens"))("title") };
}

export default async function ApiTokensPage() {
  const t = await getTranslations("apiTokens");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Suspense fallback={<SkeletonCards label={t("loading")} cards={2} />}>
        <Prefetch queries={(userId) => [apiTokensQuery(userId)]}>
          <ApiTokenManager />
        </Prefetch>
      </Suspense>
    </>
  );
}
