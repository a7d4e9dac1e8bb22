"use client";

import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

type ButtonProps = Parameters<typeof Button>[0];

/**
 * A button whose action is asked for first, in the app's own dialog (never the browser's
 * confirm()). The dialog says what happens (`question`), and with `typeToConfirm` only opens the
 * way once that text is typed.
 */
export function ConfirmButton({
  title,
  question,
  confirmLabel,
  typeToConfirm,
  onConfirm,
  ...button
}: Omit<ButtonProps, "onClick"> & {
  title: string;
  question: ReactNode;
  confirmLabel: string;
  typeToConfirm?: string;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)} />
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        typeToConfirm={typeToConfirm}
        onClose={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      >
        {question}
      </ConfirmDialog>
    </>
  );
}
