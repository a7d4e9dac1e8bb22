// next-intl without locale routing: the locale is the signed-in person's saved language, else the
// NEXT_LOCALE cookie (set by the language menu), else the browser's Accept-Language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/users/current-user";
import { DEFAULT_LOCALE, LOCALE_COOKIE, pickLocale } from "./locales";

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const user = await currentUser();
  const locale = pickLocale([user?.locale, cookieLocale], (await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
  // `now`: the moment relative times are rendered against on the server and in the first browser
  // render, so server-rendered "3 minutes ago" hydrates unchanged (components/i18n/use-relative-time.ts).
  return { locale, messages: (await import(`../messages/${locale}.json`)).default, now: new Date() };
});
