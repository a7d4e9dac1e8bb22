import { type InputHTMLAttributes, type ReactNode, useId } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "role" | "checked" | "onChange" | "children"> & {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  /** The visible name; without it, give the switch an `aria-label`. */
  label?: ReactNode;
};

/**
 * An on/off switch: a native checkbox with role="switch" (so keyboard, forms and assistive
 * technology treat it as one), drawn as a track and thumb. The checkbox lies over the drawing,
 * transparent, so a click anywhere on the track reaches it.
 */
export function Switch({ checked, onCheckedChange, label, id, className = "", ...props }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  const control = (
    <span className="relative inline-flex h-5 w-9 shrink-0">
      <input
        id={inputId}
        type="checkbox"
        role="switch"
        aria-checked={checked}
        checked={checked}
        onChange={(e) => onCheckedChange(e.target.checked)}
        className="peer absolute inset-0 z-10 m-0 size-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
        {...props}
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 rounded-full bg-slate-500 transition peer-checked:bg-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:opacity-50"
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute left-0.5 top-0.5 size-4 rounded-full bg-white shadow-sm transition peer-checked:translate-x-4"
      />
    </span>
  );
  if (label === undefined) return <span className={`inline-flex ${className}`}>{control}</span>;
  return (
    <span className={`inline-flex items-center gap-2 text-sm ${className}`}>
      {control}
      <label htmlFor={inputId}>{label}</label>
    </span>
  );
}
