import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { currentUserId } from "@/lib/auth/auth";
import { getUser } from "@/lib/users/get-user";

// Every page under (app) needs a signed-in user whose account still exists.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const userId = await currentUserId();
  const user = userId ? await getUser(userId) : null;
  if (!user) redirect("/sign-in");
  return <AppShell userName={user.name}>{children}</AppShell>;
}
