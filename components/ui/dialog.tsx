"use client";

import { type ReactNode, type SyntheticEvent, useEffect, useRef } from "react";

/**
 * A modal on the native <dialog> element: focus trap, Escape to close and backdrop for free. A
 * click on the backdrop asks to close the same way Escape does, so `onCancel` can keep it open.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  wide = false,
  onCancel,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  wide?: boolean;
  /** Escape was pressed or the backdrop clicked: call `event.preventDefault()` to keep the dialog open. */
  onCancel?: (event: SyntheticEvent<HTMLDialogElement>) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Where the pointer went down: a drag from inside the dialog that ends on the backdrop is no click outside.
  const pressedOutside = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click's keyboard twin is Escape, built into <dialog>
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onCancel={onCancel}
      onPointerDown={(e) => {
        pressedOutside.current = e.target === e.currentTarget;
      }}
      onClick={(e) => {
        const dialog = e.currentTarget;
        if (e.target !== dialog || !pressedOutside.current) return;
        // The content fills the dialog, so only the backdrop targets the <dialog> element itself.
        if (dialog.dispatchEvent(new Event("cancel", { cancelable: true }))) dialog.close();
      }}
      className={`m-auto w-full rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50 ${wide ? "max-w-3xl" : "max-w-lg"}`}
    >
      {open ? <div className="p-6">{children}</div> : null}
    </dialog>
  );
}
