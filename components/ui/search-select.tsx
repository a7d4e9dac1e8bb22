"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { matchOptions, type SearchOption, stepIndex } from "./search-select-options";

/** Options listed at once: enough to browse, few enough to render instantly; typing narrows the rest. */
const LISTED = 50;

/**
 * A labelled choice among hundreds of options (a drop-down of 500 cannot be scanned): a text box
 * that filters a list as one types, with arrow keys, Enter and Escape (the ARIA combobox pattern).
 * The empty value is "everything" (`emptyLabel`), always listed first.
 */
export function SearchSelect({
  label,
  value,
  options,
  emptyLabel,
  unknownLabel,
  placeholder,
  onChange,
}: {
  label: string;
  value: string;
  options: SearchOption[];
  emptyLabel: string;
  /** Shown for a value that is not among the options (e.g. one from an old link). */
  unknownLabel: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("pickerScale");
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(-1);
  const chosenLabel = value ? (options.find((o) => o.value === value)?.label ?? unknownLabel) : emptyLabel;
  const { shown, more } = matchOptions(options, query, LISTED);
  const listed: SearchOption[] = query.trim() ? shown : [{ value: "", label: emptyLabel }, ...shown];
  const optionId = (index: number) => `${id}-option-${index}`;

  // The active option stays in view while the arrow keys move through a long list.
  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, id]);

  const close = () => {
    setOpen(false);
    setQuery("");
    setActive(-1);
  };
  const choose = (option: SearchOption) => {
    onChange(option.value);
    close();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      setActive(stepIndex(active, e.key === "ArrowDown" ? 1 : -1, listed.length));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      const option = listed[active] ?? (query.trim() && listed.length === 1 ? listed[0] : undefined);
      if (option) choose(option);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="relative flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="w-20 shrink-0 sm:w-auto">
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={open ? query : chosenLabel}
        onFocus={(e) => e.target.select()}
        onClick={() => setOpen(true)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onBlur={close}
        onKeyDown={onKeyDown}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 sm:w-56 sm:flex-none"
      />
      <div
        hidden={!open}
        className="absolute top-full right-0 left-0 z-20 mt-1 rounded-md border border-slate-200 bg-white shadow-lg sm:left-auto sm:w-72"
      >
        <div id={listId} role="listbox" aria-label={label} className="max-h-72 overflow-y-auto py-1">
          {open
            ? listed.map((option, index) => (
                // The options take no focus or keys of their own: the text box keeps the focus and
                // points at the active one (aria-activedescendant), as the combobox pattern wants.
                // biome-ignore lint/a11y/useKeyWithClickEvents: the text box handles the keys
                <div
                  key={option.value || "*"}
                  id={optionId(index)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={option.value === value}
                  // Keeps the focus in the text box, whose blur would close the list before the click.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(option)}
                  className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? "bg-brand-50 text-brand-700" : ""} ${option.value === value ? "font-semibold" : ""}`}
                >
                  {option.label}
                  {option.group ? <span className="block text-xs text-slate-500">{option.group}</span> : null}
                </div>
              ))
            : null}
        </div>
        {open && listed.length === 0 ? (
          <p className="px-3 py-2 text-sm text-slate-600">{t("noOptionMatches", { query: query.trim() })}</p>
        ) : null}
        {open && more > 0 ? (
          <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-600">
            {t("moreOptions", { count: more })}
          </p>
        ) : null}
      </div>
      <p className="sr-only" role="status">
        {open && query.trim() ? t("optionsFound", { count: shown.length + more }) : ""}
      </p>
    </div>
  );
}
