"use client";

import { useState } from "react";
import { Button } from "./button";

export function CopyButton({
  text,
  label,
  copiedLabel,
  onCopied,
}: {
  text: string;
  label: string;
  copiedLabel: string;
  onCopied?: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
        onCopied?.();
      }}
    >
      {copied ? copiedLabel : label}
    </Button>
  );
}
