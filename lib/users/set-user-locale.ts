import type { Locale } from "../../i18n/locales";
import { db } from "../db";

/** Remember the language a person chose in the app; null goes back to following the browser. */
export function setUserLocale(userId: string, locale: Locale | null) {
  return db().user.update({ where: { id: userId }, data: { locale } });
}
