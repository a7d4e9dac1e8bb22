/** Where to go after sign-in: only a path on this site, never another origin ("//evil", "https://…"). */
export function safeNextPath(next: string | undefined, fallback = "/projects"): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
