import { getTranslations } from "next-intl/server";
import { ProjectGroups } from "@/components/project-groups";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("projects"))("title") };
}

export default async function ProjectsPage() {
  const t = await getTranslations("projects");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ProjectGroups />
    </>
  );
}
