import type { ReactNode } from "react";
import { AppHeader } from "./app-header";

export function AppShell({ userName, children }: { userName: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <AppHeader userName={userName} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </div>
  );
}
