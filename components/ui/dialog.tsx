"use client";

import { type ReactNode, type SyntheticEvent, useEffect, useRef } from "react";

/** A modal on the native <dialog> element: focus trap, Escape to close and backdrop for free. */
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
  /** Escape was pressed: call `event.preventDefault()` to keep the dialog open. */
  onCancel?: (event: SyntheticEvent<HTMLDialogElement>) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onCancel={onCancel}
      className={`m-auto w-full rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40 ${wide ? "max-w-3xl" : "max-w-lg"}`}
    >
      {open ? <div className="p-6">{children}</div> : null}
    </dialog>
  );
}
