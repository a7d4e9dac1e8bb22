"use client";

import { type FormEvent, useState } from "react";
import { Button } from "../ui/button";

/** A one-field form that adds something by title (lists, records, checklists, items). */
export function InlineAdd({
  label,
  buttonLabel,
  onAdd,
  disabled,
}: {
  label: string;
  buttonLabel: string;
  onAdd: (title: string) => Promise<unknown>;
  disabled?: boolean;
}) {
  const [title, setTitle] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return;
    await onAdd(trimmed);
    setTitle("");
  }
  return (
    <form onSubmit={submit} className="flex gap-2">
      <input
        aria-label={label}
        placeholder={label}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={500}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      />
      <Button type="submit" variant="secondary" disabled={disabled || !title.trim()}>
        {buttonLabel}
      </Button>
    </form>
  );
}
