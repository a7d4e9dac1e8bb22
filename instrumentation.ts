// Runs once when the Next.js server starts: refuse to start with an invalid configuration, every
// bad variable named (lib/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnInvalidConfiguration } = await import("./lib/env");
  exitOnInvalidConfiguration();
}
