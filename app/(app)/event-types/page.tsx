import { getTranslations } from "next-intl/server";
import { EventCatalog } from "@/components/event-catalog";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("eventTypes"))("title") };
}

export default async function EventTypesPage() {
  const t = await getTranslations("eventTypes");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <EventCatalog />
    </>
  );
}
