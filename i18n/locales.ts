// Languages with a message file in messages/. Blue's announcement languages (es, pt, it, ru, sv)
// are added by dropping in their files and listing them here.
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale | undefined {
  if (cookie && isLocale(cookie)) return cookie;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0].trim().toLowerCase().split("-")[0];
    if (isLocale(tag)) return tag;
  }
  return undefined;
}
