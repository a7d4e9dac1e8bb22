// Runs once when the Next.js server starts: refuse to start with an invalid configuration, every
// bad variable named (lib/env.ts), and hand held retries over to their lanes when it stops.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnInvalidConfiguration } = await import("./lib/env");
  exitOnInvalidConfiguration();
  // On a stop, hand the retries this process holds back to their lanes while Next.js closes the
  // server (best effort: if the process ends first, the leases end and the relay wakes them).
  const { handOverHeldRetries } = await import("./lib/delivery-engine/background-sender");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      handOverHeldRetries().catch(() => undefined);
    });
  }
}
