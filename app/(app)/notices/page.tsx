import { getTranslations } from "next-intl/server";
import { NoticeList } from "@/components/notices/notice-list";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("notices"))("title") };
}

export default async function NoticesPage() {
  const t = await getTranslations("notices");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <NoticeList />
    </>
  );
}
