import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CompanyList } from "@/components/companies/company-list";
import { companiesQuery } from "@/components/companies/prefetch";
import { Prefetch } from "@/components/prefetch";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCards } from "@/components/ui/skeleton";

export async function generateMetadata() {
  return { title: (await getTranslations("companies"))("title") };
}

export default async function CompaniesPage() {
  const t = await getTranslations("companies");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Suspense fallback={<SkeletonCards label={t("loading")} cards={1} />}>
        <Prefetch queries={(userId) => [companiesQuery(userId)]}>
          <CompanyList />
        </Prefetch>
      </Suspense>
    </>
  );
}
