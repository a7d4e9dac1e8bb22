import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth-card";

// The app's own 404: Next.js's built-in one styles itself with inline styles the pages' CSP refuses.
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <AuthCard title={t("title")} subtitle={t("body")}>
      <Link href="/projects" className="text-sm font-medium text-brand-700 underline">
        {t("home")}
      </Link>
    </AuthCard>
  );
}
