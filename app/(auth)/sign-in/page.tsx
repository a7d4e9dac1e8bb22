import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth-card";
import { AuthForm } from "@/components/auth-form";
import { currentUserId } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/safe-next-path";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentUserId()) redirect(next);
  const t = await getTranslations("signIn");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <AuthForm mode="signIn" next={next} notice={params.signedOut === "1" ? t("signedOut") : undefined} />
    </AuthCard>
  );
}
