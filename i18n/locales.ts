// The languages with a message file in messages/: English and the languages of Blue's
// announcement. Each is named in its own language in the language menu.
export const LOCALES = ["en", "es", "pt", "it", "ru", "sv"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  pt: "Português",
  it: "Italiano",
  ru: "Русский",
  sv: "Svenska",
};

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/**
 * The first supported choice: the person's saved language, then this browser's cookie, then the
 * first supported language of Accept-Language (in the order given; q-values are written in that
 * order by browsers). Undefined when none is supported.
 */
export function pickLocale(
  choices: readonly (string | null | undefined)[],
  acceptLanguage: string | null,
): Locale | undefined {
  const chosen = choices.find(isLocale);
  if (chosen) return chosen;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0].trim().toLowerCase().split("-")[0];
    if (isLocale(tag)) return tag;
  }
  return undefined;
}
