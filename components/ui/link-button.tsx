import Link from "next/link";
import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50",
} as const;

/** A link that looks like a button: for the next step to take on a page. */
export function LinkButton({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof Link> & { variant?: keyof typeof VARIANTS }) {
  return (
    <Link
      className={`inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
