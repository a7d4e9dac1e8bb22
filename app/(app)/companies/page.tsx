import { getTranslations } from "next-intl/server";
import { CompanyList } from "@/components/companies/company-list";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("companies"))("title") };
}

export default async function CompaniesPage() {
  const t = await getTranslations("companies");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <CompanyList />
    </>
  );
}
