"use client";

import { useTranslations } from "next-intl";

/** Chips shown before "and N more". */
const SHOWN = 12;

/** "Selected (n)" with the chosen items' names, so a long picker need not be scrolled to check it. */
export function SelectedSummary({ items }: { items: { id: string; label: string }[] }) {
  const t = useTranslations("webhooks.form");
  const title = t("selectedSummary", { count: items.length });
  return (
    // Not a landmark: each picker has one, and they are part of the form, not places to jump to.
    <div data-testid="selected-summary">
      <p className="mb-1 text-xs font-semibold text-slate-700">{title}</p>
      {items.length === 0 ? (
        <p className="text-xs text-slate-500">{t("nothingSelected")}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5">
          {items.slice(0, SHOWN).map((item) => (
            <li key={item.id} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
              {item.label}
            </li>
          ))}
          {items.length > SHOWN ? (
            <li className="px-1 py-0.5 text-xs text-slate-500">{t("moreSelected", { count: items.length - SHOWN })}</li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
