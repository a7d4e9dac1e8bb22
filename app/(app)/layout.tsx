import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { currentUser } from "@/lib/users/current-user";

// Every page under (app) needs a signed-in user whose account still exists.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return <AppShell userName={user.name}>{children}</AppShell>;
}
