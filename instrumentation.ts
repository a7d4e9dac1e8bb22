// Runs once when the Next.js server starts: refuse to start with an invalid configuration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
}
