import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { sessionsQuery } from "@/components/account/prefetch";
import { ChangePasswordForm } from "@/components/change-password-form";
import { Prefetch } from "@/components/prefetch";
import { SessionList } from "@/components/session-list";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCards } from "@/components/ui/skeleton";
import { currentSessionId } from "@/lib/auth/current-session";

export async function generateMetadata() {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage() {
  const t = await getTranslations("security");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="flex flex-col gap-6">
        <Suspense fallback={<SkeletonCards label={t("loading")} cards={1} />}>
          <Prefetch queries={async (userId) => [sessionsQuery(userId, await currentSessionId(userId))]}>
            <SessionList />
          </Prefetch>
        </Suspense>
        <ChangePasswordForm />
      </div>
    </>
  );
}
