import type { HTMLAttributes } from "react";

/**
 * Preformatted text in a box that scrolls when it is long. Focusable, so that keyboard users can
 * scroll it too (a scrollable region nobody can reach with Tab is an accessibility failure).
 */
export function CodeBox({
  className = "",
  dark = false,
  ...props
}: HTMLAttributes<HTMLPreElement> & {
  /** Light text on near-black in both themes (literal colours, which the dark palette leaves alone). */
  dark?: boolean;
}) {
  return (
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must be reachable by keyboard to be scrolled
      tabIndex={0}
      className={`overflow-auto rounded text-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${dark ? "bg-[#0f172a] text-[#f1f5f9]" : ""} ${className}`}
      {...props}
    />
  );
}
