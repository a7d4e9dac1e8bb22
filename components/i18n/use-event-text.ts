"use client";

import { useTranslations } from "next-intl";

/**
 * Event types and their groups in the reader's language (messages `events.*`); the API keeps
 * the catalog's English. An unknown code is shown as it is.
 */
export function useEventText() {
  const t = useTranslations("events");
  return {
    group: (id: string) => (t.has(`groups.${id}`) ? t(`groups.${id}`) : id),
    label: (type: string) => (t.has(`types.${type}.label`) ? t(`types.${type}.label`) : type),
    description: (type: string) => (t.has(`types.${type}.description`) ? t(`types.${type}.description`) : ""),
  };
}
