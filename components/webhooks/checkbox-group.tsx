"use client";

import { useEffect, useId, useRef } from "react";

type Item = { id: string; label: string; detail?: string };

/**
 * A titled group of checkboxes with a tri-state "select all" for the items shown; its items can
 * be hidden behind the title (onToggle), and a note says what select-all covers when it differs.
 */
export function CheckboxGroup({
  title,
  selectAllLabel,
  note,
  open = true,
  toggleLabel,
  onToggle,
  items,
  selected,
  onChange,
}: {
  title: string;
  selectAllLabel: string;
  note?: string;
  open?: boolean;
  toggleLabel?: string;
  onToggle?: () => void;
  items: Item[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const ids = items.map((i) => i.id);
  const chosen = ids.filter((id) => selected.includes(id)).length;
  const allRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = chosen > 0 && chosen < ids.length;
  }, [chosen, ids.length]);

  return (
    <fieldset className="rounded-md bg-slate-50 p-3">
      <legend className="sr-only">{title}</legend>
      <div className="mb-2 flex items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm font-semibold">
          <input
            ref={allRef}
            type="checkbox"
            aria-label={selectAllLabel}
            checked={chosen === ids.length && ids.length > 0}
            onChange={(e) =>
              onChange(
                e.target.checked ? [...new Set([...selected, ...ids])] : selected.filter((id) => !ids.includes(id)),
              )
            }
          />
          {title}
        </label>
        {onToggle ? (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={toggleLabel}
            onClick={onToggle}
            className="flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100"
          >
            {chosen}/{ids.length}
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          </button>
        ) : null}
      </div>
      {note ? <p className="mb-2 pl-6 text-xs text-slate-600">{note}</p> : null}
      {/* A folded group's items are not rendered at all: 500 projects in folded companies cost nothing. */}
      <ul id={listId} hidden={!open} className="flex flex-col gap-1.5 pl-6">
        {open
          ? items.map((item) => (
              <li key={item.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5"
                    checked={selected.includes(item.id)}
                    onChange={(e) =>
                      onChange(e.target.checked ? [...selected, item.id] : selected.filter((id) => id !== item.id))
                    }
                  />
                  <span>
                    {item.label}
                    {item.detail ? (
                      <span className="block font-mono text-[11px] text-slate-500">{item.detail}</span>
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
