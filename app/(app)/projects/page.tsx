import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Prefetch } from "@/components/prefetch";
import { ProjectGroups } from "@/components/project-groups";
import { projectGroupsQuery } from "@/components/projects/prefetch";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCards } from "@/components/ui/skeleton";

export async function generateMetadata() {
  return { title: (await getTranslations("projects"))("title") };
}

export default async function ProjectsPage() {
  const t = await getTranslations("projects");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Suspense fallback={<SkeletonCards label={t("loading")} cards={2} />}>
        <Prefetch queries={(userId) => [projectGroupsQuery(userId)]}>
          <ProjectGroups />
        </Prefetch>
      </Suspense>
    </>
  );
}
