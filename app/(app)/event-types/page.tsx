import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { EventCatalog } from "@/components/event-catalog";
import { eventTypeGroupsQuery } from "@/components/event-types/prefetch";
import { Prefetch } from "@/components/prefetch";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCards } from "@/components/ui/skeleton";

export async function generateMetadata() {
  return { title: (await getTranslations("eventTypes"))("title") };
}

export default async function EventTypesPage() {
  const t = await getTranslations("eventTypes");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Suspense fallback={<SkeletonCards label={t("loading")} cards={3} />}>
        <Prefetch queries={[eventTypeGroupsQuery()]}>
          <EventCatalog />
        </Prefetch>
      </Suspense>
    </>
  );
}
