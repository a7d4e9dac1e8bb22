"use client";

import { useTranslations } from "next-intl";

/** Names shown before "and N more". */
const SHOWN = 3;

/** A few names in a line, then "and N more": enough to recognise a webhook in a table row. */
export function ShortList({ names }: { names: string[] }) {
  const t = useTranslations("webhookPage");
  const shown = names.slice(0, SHOWN).join(", ");
  return <>{names.length > SHOWN ? `${shown} ${t("moreProjects", { count: names.length - SHOWN })}` : shown}</>;
}
