// next-intl without locale routing: the locale comes from the NEXT_LOCALE cookie or the
// Accept-Language header, limited to the languages that have a message file.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, pickLocale } from "./locales";

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get("NEXT_LOCALE")?.value;
  const locale = pickLocale(cookieLocale, (await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
  return { locale, messages: (await import(`../messages/${locale}.json`)).default };
});
