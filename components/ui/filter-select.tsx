import type { ReactNode } from "react";

/** A labelled drop-down in a row of filters: label beside it, full width on phones. */
export function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <label className="flex min-w-0 items-center gap-2">
      <span className="w-20 shrink-0 sm:w-auto">{label}</span>
      <select
        // Named by the label alone: a wrapping label would add the chosen option to the name.
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 sm:max-w-56 sm:flex-none"
      >
        {children}
      </select>
    </label>
  );
}
