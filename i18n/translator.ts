// Messages outside a request (e-mails, notices written by the delivery engine): a translator for
// a stored locale, English when the locale is missing or not one of ours. Dates are written in UTC
// (the texts say so): the reader's time zone is not known there.
import { type AbstractIntlMessages, createTranslator, type TranslationValues } from "next-intl";
import en from "../messages/en.json";
import es from "../messages/es.json";
import it from "../messages/it.json";
import pt from "../messages/pt.json";
import ru from "../messages/ru.json";
import sv from "../messages/sv.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

const MESSAGES: Record<Locale, AbstractIntlMessages> = { en, es, pt, it, ru, sv };

/** Keys are checked by the catalogue tests, not by the type: callers build them from stored kinds. */
export type Translate = { (key: string, values?: TranslationValues): string; has(key: string): boolean };

export function translatorFor(locale: string | null | undefined, namespace: string): Translate {
  const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale: chosen, messages: MESSAGES[chosen], namespace, timeZone: "UTC" });
  return Object.assign((key: string, values?: TranslationValues) => t(key, values as undefined), { has: t.has });
}
