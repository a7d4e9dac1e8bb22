"use client";

import { useEffect, useId, useRef } from "react";
import { countChosen } from "./picker-search";

type Item = { id: string; label: string; detail?: string };

/**
 * A titled group of checkboxes with a tri-state "select all" for the items shown; its items can
 * be hidden behind the title (onToggle). While a search hides some items, `matchingNote` says
 * beside the title that select-all covers only the matches.
 */
export function CheckboxGroup({
  title,
  selectAllLabel,
  matchingNote,
  open = true,
  toggleLabel,
  onToggle,
  items,
  selected,
  onTickShown,
  onTickItem,
}: {
  title: string;
  selectAllLabel: string;
  matchingNote?: string;
  open?: boolean;
  toggleLabel?: string;
  onToggle?: () => void;
  items: Item[];
  selected: ReadonlySet<string>;
  /** Select-all was (un)ticked: it stands for exactly the items shown. */
  onTickShown: (shown: string[], tick: boolean) => void;
  onTickItem: (id: string, tick: boolean) => void;
}) {
  const ids = items.map((i) => i.id);
  const chosen = countChosen(ids, selected);
  const allRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = chosen > 0 && chosen < ids.length;
  }, [chosen, ids.length]);

  return (
    <fieldset className="rounded-md bg-slate-50 p-3">
      <legend className="sr-only">{title}</legend>
      <div className="flex items-center justify-between gap-2">
        <label className="flex min-w-0 flex-wrap items-center gap-x-2 text-sm font-semibold">
          <input
            ref={allRef}
            type="checkbox"
            aria-label={selectAllLabel}
            checked={chosen === ids.length && ids.length > 0}
            onChange={(e) => onTickShown(ids, e.target.checked)}
          />
          <span className="min-w-0 break-words">{title}</span>
          {matchingNote ? (
            <span className="text-xs font-normal text-brand-700" data-testid="matching-note">
              {matchingNote}
            </span>
          ) : null}
        </label>
        {onToggle ? (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={toggleLabel}
            onClick={onToggle}
            className="flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100"
          >
            {chosen}/{ids.length}
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          </button>
        ) : null}
      </div>
      <ul id={listId} hidden={!open} className="mt-2 flex flex-col gap-1.5 pl-6">
        {open
          ? items.map((item) => (
              <li key={item.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5"
                    checked={selected.has(item.id)}
                    onChange={(e) => onTickItem(item.id, e.target.checked)}
                  />
                  <span className="min-w-0 break-words">
                    {item.label}
                    {item.detail ? (
                      <span className="block break-all font-mono text-[11px] text-slate-500">{item.detail}</span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))
          : null}
      </ul>
    </fieldset>
  );
}
