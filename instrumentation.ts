// Runs once when the Next.js server starts: refuse to start with an invalid configuration, every
// bad variable named (lib/env.ts), and hand held retries over to their lanes when it stops.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnInvalidConfiguration } = await import("./lib/env");
  exitOnInvalidConfiguration();
  // process.env is a live view of the C environment: enumerating it costs ~25 µs, and the Inngest
  // SDK enumerates it many times per call into /api/inngest (measured: 7 % of the worker's CPU in
  // the mass-failure benchmark). The configuration is fixed once the server runs, so a plain copy
  // serves every later read; child processes get it as their environment as before.
  process.env = { ...process.env };
  // On a stop, hand the retries this process holds back to their lanes while Next.js closes the
  // server (best effort: if the process ends first, the leases end and the relay wakes them).
  const { handOverHeldRetries } = await import("./lib/delivery-engine/background-sender");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      handOverHeldRetries().catch(() => undefined);
    });
  }
}
