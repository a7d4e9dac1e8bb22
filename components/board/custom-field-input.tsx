"use client";

import type { Board } from "@/lib/validations/board";

type Field = Board["customFields"][number];

/** One input per custom field type; an empty input clears the value (null). */
export function CustomFieldInput({
  field,
  value,
  disabled,
  onChange,
}: {
  field: Field;
  value: unknown;
  disabled: boolean;
  onChange: (value: unknown) => void;
}) {
  const label = <span className="text-xs text-slate-600">{field.name}</span>;
  const cls = "rounded-md border border-slate-300 px-2 py-1";
  switch (field.type) {
    case "CHECKBOX":
      return (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            disabled={disabled}
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          {label}
        </label>
      );
    case "SELECT_SINGLE":
      return (
        <label className="flex flex-col gap-1">
          {label}
          <select
            className={cls}
            disabled={disabled}
            value={(value as string) ?? ""}
            onChange={(e) => onChange(e.target.value || null)}
          >
            <option value="">—</option>
            {field.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
      );
    case "SELECT_MULTI": {
      const selected = (value as string[]) ?? [];
      return (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs text-slate-600">{field.name}</legend>
          {field.options.map((o) => (
            <label key={o.id} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                disabled={disabled}
                checked={selected.includes(o.id)}
                onChange={() =>
                  onChange(selected.includes(o.id) ? selected.filter((x) => x !== o.id) : [...selected, o.id])
                }
              />
              {o.title}
            </label>
          ))}
        </fieldset>
      );
    }
    case "NUMBER":
    case "CURRENCY":
    case "PERCENT":
    case "RATING":
      return (
        <label className="flex flex-col gap-1">
          {label}
          <input
            type="number"
            className={cls}
            disabled={disabled}
            min={field.type === "RATING" ? 0 : undefined}
            max={field.type === "RATING" ? 5 : undefined}
            defaultValue={typeof value === "number" ? value : ""}
            onBlur={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
          />
        </label>
      );
    default:
      return (
        <label className="flex flex-col gap-1">
          {label}
          <input
            type={
              field.type === "DATE" ? "date" : field.type === "EMAIL" ? "email" : field.type === "URL" ? "url" : "text"
            }
            className={cls}
            disabled={disabled}
            defaultValue={typeof value === "string" ? value : ""}
            onBlur={(e) => onChange(e.target.value === "" ? null : e.target.value)}
          />
        </label>
      );
  }
}
