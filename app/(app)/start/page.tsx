import { getTranslations } from "next-intl/server";
import { FirstRun } from "@/components/first-run/first-run";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("firstRun"))("title") };
}

export default async function StartPage() {
  const t = await getTranslations("firstRun");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FirstRun />
    </>
  );
}
