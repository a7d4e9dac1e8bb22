import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/change-password-form";
import { SessionList } from "@/components/session-list";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage() {
  const t = await getTranslations("security");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="flex flex-col gap-6">
        <SessionList />
        <ChangePasswordForm />
      </div>
    </>
  );
}
