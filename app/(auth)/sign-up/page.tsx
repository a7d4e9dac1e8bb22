import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth-card";
import { SignUpForm } from "@/components/sign-up-form";
import { currentUserId } from "@/lib/auth/auth";

export async function generateMetadata() {
  return { title: (await getTranslations("signUp"))("title") };
}

export default async function SignUpPage() {
  if (await currentUserId()) redirect("/projects");
  const t = await getTranslations("signUp");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <SignUpForm />
    </AuthCard>
  );
}
