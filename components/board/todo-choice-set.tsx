"use client";

import { type ReactNode, useEffect, useState } from "react";
import { toggleId } from "./toggle-id";

/**
 * A set of boxes for the record's assignees or tags. Each tick answers at once and sends the whole
 * new set; the boxes follow the server's set when it arrives.
 */
export function TodoChoiceSet({
  legend,
  options,
  selected,
  disabled,
  onChange,
}: {
  legend: string;
  options: { id: string; label: ReactNode }[];
  selected: string[];
  disabled: boolean;
  onChange: (ids: string[]) => void;
}) {
  const [ids, setIds] = useState(selected);
  const serverIds = selected.join();
  useEffect(() => setIds(serverIds ? serverIds.split(",") : []), [serverIds]);
  return (
    <fieldset className="text-sm">
      <legend className="mb-1 font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-3">
        {options.map((option) => (
          <label key={option.id} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              disabled={disabled}
              checked={ids.includes(option.id)}
              onChange={() => {
                const next = toggleId(ids, option.id);
                setIds(next);
                onChange(next);
              }}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
