"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { TextField } from "./text-field";

/**
 * Asks before something that cannot be undone. With `typeToConfirm`, the confirm button stays
 * disabled until that exact text (e.g. the company's name) is typed.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  typeToConfirm,
  typeLabel,
  pending = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  typeToConfirm?: string;
  typeLabel?: string;
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("common");
  const [typed, setTyped] = useState("");
  const close = () => {
    setTyped("");
    onClose();
  };
  const blocked = typeToConfirm !== undefined && typed.trim() !== typeToConfirm;
  return (
    <Dialog open={open} onClose={close} title={title}>
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
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={close}>
          {t("cancel")}
        </Button>
        <Button variant="danger" disabled={blocked || pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
