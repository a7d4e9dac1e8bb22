// Structured JSON logs. Secrets are redacted by path wherever they might be logged.
import pino from "pino";
import { env } from "./env";

export const logger = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "blue-webhooks" },
  redact: {
    paths: ["*.password", "*.passwordHash", "*.secret", "*.token", "*.authorization", "headers.authorization"],
    censor: "[redacted]",
  },
});
