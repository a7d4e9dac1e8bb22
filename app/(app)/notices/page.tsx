import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { NoticeList } from "@/components/notices/notice-list";
import { noticesQuery } from "@/components/notices/prefetch";
import { Prefetch } from "@/components/prefetch";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCards } from "@/components/ui/skeleton";

export async function generateMetadata() {
  return { title: (await getTranslations("notices"))("title") };
}

export default async function NoticesPage() {
  const t = await getTranslations("notices");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Suspense fallback={<SkeletonCards label={t("loading")} cards={2} />}>
        <Prefetch queries={(userId) => [noticesQuery(userId)]}>
          <NoticeList />
        </Prefetch>
      </Suspense>
    </>
  );
}
