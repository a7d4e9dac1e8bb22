"use client";

import { useEffect, useRef } from "react";

type Item = { id: string; label: string; detail?: string };

/** A titled group of checkboxes with a tri-state "select all" for the items shown. */
export function CheckboxGroup({
  title,
  selectAllLabel,
  items,
  selected,
  onChange,
}: {
  title: string;
  selectAllLabel: string;
  items: Item[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const ids = items.map((i) => i.id);
  const chosen = ids.filter((id) => selected.includes(id)).length;
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = chosen > 0 && chosen < ids.length;
  }, [chosen, ids.length]);

  return (
    <fieldset className="rounded-md bg-slate-50 p-3">
      <legend className="sr-only">{title}</legend>
      <label className="mb-2 flex items-center gap-2 text-sm font-semibold">
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
      <ul className="flex flex-col gap-1.5 pl-6">
        {items.map((item) => (
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
                {item.detail ? <span className="block font-mono text-[11px] text-slate-500">{item.detail}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
