import { db } from "../db";

/** Liveness plus a database round trip, for load balancers and the test harness. */
export async function checkHealth() {
  const started = performance.now();
  await db().$queryRaw`SELECT 1`;
  return { status: "ok" as const, databaseLatencyMs: Math.round(performance.now() - started) };
}
