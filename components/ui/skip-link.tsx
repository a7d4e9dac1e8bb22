import { getTranslations } from "next-intl/server";

/** The id of each page's <main>, the skip link's target. */
export const MAIN_ID = "main";

/** The first thing a keyboard reaches on every page: a jump past the header to the content. */
export async function SkipLink() {
  const t = await getTranslations("finish");
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg focus:ring-2 focus:ring-brand-600"
    >
      {t("skipToContent")}
    </a>
  );
}
