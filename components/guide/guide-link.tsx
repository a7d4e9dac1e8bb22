import Link from "next/link";
import { useTranslations } from "next-intl";

/** "New to webhooks? Read the short guide", for the empty list and the webhook form. */
export function GuideLink() {
  const t = useTranslations("guide");
  return (
    <Link href="/help/webhooks" className="text-sm text-brand-700 underline">
      {t("link")}
    </Link>
  );
}
