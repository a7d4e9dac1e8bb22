// Structured JSON logs. Secrets are redacted by path wherever they might be logged.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "blue-webhooks" },
  redact: {
    paths: ["*.password", "*.passwordHash", "*.secret", "*.token", "*.authorization", "headers.authorization"],
    censor: "[redacted]",
  },
});
