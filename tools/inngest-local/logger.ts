// Structured logs (pino JSON on stdout). Silent under tests unless a level is asked for.
import pino, { type Logger } from "pino";

export function defaultLogger(): Logger {
  const level =
    process.env.INNGEST_LOCAL_LOG_LEVEL ??
    process.env.LOG_LEVEL ??
    (process.env.NODE_ENV === "test" ? "silent" : "info");
  return pino({ level, base: { service: "inngest-local" } });
}
