import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth-card";
import { AuthForm } from "@/components/auth-form";
import { currentUserId } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/safe-next-path";

export async function generateMetadata() {
  return { title: (await getTranslations("signUp"))("title") };
}

// `next` brings the new user back (e.g. to the invitation that sent them); without it, the first
// run guides them. `email` prefills the address an invitation was sent to.
export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next, "/start");
  if (await currentUserId()) redirect(next);
  const t = await getTranslations("signUp");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <AuthForm mode="signUp" next={next} email={typeof params.email === "string" ? params.email : ""} />
    </AuthCard>
  );
}
