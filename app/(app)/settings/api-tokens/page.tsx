import { getTranslations } from "next-intl/server";
import { ApiTokenManager } from "@/components/api-tokens/api-token-manager";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("apiTokens"))("title") };
}

export default async function ApiTokensPage() {
  const t = await getTranslations("apiTokens");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ApiTokenManager />
    </>
  );
}
