"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/** Chips shown before "Show all": a few hundred chosen items must not push the form down. */
const SHOWN = 12;

/**
 * "Selected (n)": the chosen items as chips, each with a button that removes it, so a long picker
 * need not be scrolled to check or undo a choice. Beyond a dozen, the rest open in a bounded list.
 */
export function SelectedChips({
  items,
  onRemove,
}: {
  items: { id: string; label: string }[];
  onRemove: (id: string) => void;
}) {
  const t = useTranslations("pickerScale");
  const [expanded, setExpanded] = useState(false);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const titleRef = useRef<HTMLParagraphElement>(null);
  // After a removal the focus moves to the chip that took its place (or the one before, or the
  // title), instead of falling back to the page's start.
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const shown = expanded ? items : items.slice(0, SHOWN);
  useEffect(() => {
    if (focusAt === null) return;
    const target = shown[Math.min(focusAt, shown.length - 1)];
    (target ? buttons.current.get(target.id) : titleRef.current)?.focus();
    setFocusAt(null);
  }, [focusAt, shown]);

  return (
    // Not a landmark: each picker has one, and they are part of the form, not places to jump to.
    <div data-testid="selected-summary">
      <p ref={titleRef} tabIndex={-1} className="mb-1 text-xs font-semibold text-slate-700">
        {t("selectedTitle", { count: items.length })}
      </p>
      {items.length === 0 ? (
        <p className="text-xs text-slate-500">{t("nothingSelected")}</p>
      ) : (
        <ul className={`flex flex-wrap gap-1.5 ${expanded ? "max-h-40 overflow-y-auto p-0.5" : ""}`}>
          {shown.map((item, index) => (
            <li
              key={item.id}
              className="flex max-w-full items-center gap-0.5 rounded-full bg-brand-50 py-0.5 pr-0.5 pl-2 text-xs text-brand-700"
            >
              <span className="min-w-0 break-words">{item.label}</span>
              <button
                type="button"
                ref={(node) => {
                  if (node) buttons.current.set(item.id, node);
                  else buttons.current.delete(item.id);
                }}
                aria-label={t("remove", { name: item.label })}
                title={t("remove", { name: item.label })}
                onClick={() => {
                  setFocusAt(index);
                  onRemove(item.id);
                }}
                className="flex size-5 shrink-0 items-center justify-center rounded-full hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <svg aria-hidden="true" viewBox="0 0 12 12" className="size-2.5" stroke="currentColor" strokeWidth="2">
                  <path d="M2 2l8 8M10 2l-8 8" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      {items.length > SHOWN ? (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
          className="mt-1 text-xs text-brand-700 underline"
        >
          {expanded ? t("showFewer") : t("showAll", { count: items.length })}
        </button>
      ) : null}
    </div>
  );
}
