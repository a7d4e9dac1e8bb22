"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { TextField } from "./text-field";

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  typeToConfirm?: string;
  typeLabel?: string;
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/**
 * Asks before something that cannot be undone. With `typeToConfirm`, the confirm button stays
 * disabled until that exact text (e.g. the company's name) is typed.
 */
export function ConfirmDialog({ open, title, onClose, ...body }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <ConfirmBody title={title} onClose={onClose} {...body} />
    </Dialog>
  );
}

// Mounted only while the dialog is open, so what was typed starts empty each time.
function ConfirmBody({
  title,
  children,
  confirmLabel,
  typeToConfirm,
  typeLabel,
  pending = false,
  onConfirm,
  onClose,
}: Omit<Props, "open">) {
  const t = useTranslations("common");
  const [typed, setTyped] = useState("");
  const blocked = typeToConfirm !== undefined && typed.trim() !== typeToConfirm;
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      <div className="mb-4 text-sm text-slate-700">{children}</div>
      {typeToConfirm !== undefined ? (
        <TextField
          className="mb-4"
          label={typeLabel ?? t("typeToConfirm", { text: typeToConfirm })}
          value={typed}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button variant="danger" disabled={blocked || pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </>
  );
}
