import type { HTMLAttributes } from "react";

const TONES = {
  neutral: "bg-slate-100 text-slate-700",
  muted: "bg-slate-200 text-slate-700",
  info: "bg-sky-100 text-sky-800",
  success: "bg-emerald-100 text-emerald-800",
  warning: "bg-amber-100 text-amber-900",
  danger: "bg-red-100 text-red-800",
} as const;

export type StatusTone = keyof typeof TONES;

/** A short state in a coloured pill (a webhook's health, a delivery's status); the words carry the meaning, the colour only repeats it. */
export function StatusPill({
  tone,
  className = "",
  ...props
}: HTMLAttributes<HTMLSpanElement> & { tone: StatusTone; "data-testid"?: string }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]} ${className}`} {...props} />;
}
