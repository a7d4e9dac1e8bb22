import { getTranslations } from "next-intl/server";
import { SignOutPanel } from "@/components/sign-out-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("signOut"))("title") };
}

export default async function SignOutPage() {
  const t = await getTranslations("signOut");
  return (
    <>
      <PageHeader title={t("title")} />
      <Card className="max-w-lg">
        <SignOutPanel />
      </Card>
    </>
  );
}
