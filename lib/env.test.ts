import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_ATTEMPTS } from "./delivery-engine/config";
import {
  assertSafeInngestMode,
  assertValidConfiguration,
  configurationProblems,
  env,
  InvalidConfigurationError,
  launcherEnv,
} from "./env";

const VALID = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  AUTH_SECRET: "x".repeat(32),
  WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the start-up check", () => {
  it("accepts the required settings alone, everything else has a default", () => {
    expect(configurationProblems(VALID)).toEqual([]);
    expect(configurationProblems(VALID, { launcher: true })).toEqual([]);
  });

  it("names every missing required setting", () => {
    expect(configurationProblems({})).toEqual([
      "DATABASE_URL: is required",
      "AUTH_SECRET: is required (the dev command generates one into .env.local)",
      "WEBHOOK_SECRET_KEY: is required (32 random bytes, base64; the dev command generates one)",
    ]);
  });

  it("lets a start command provide DATABASE_URL later, but still checks one that is set", () => {
    const { DATABASE_URL: _, ...rest } = VALID;
    expect(configurationProblems(rest, { provided: ["DATABASE_URL"] })).toEqual([]);
    expect(configurationProblems({ ...rest, DATABASE_URL: "mysql://x" }, { provided: ["DATABASE_URL"] })).toEqual([
      "DATABASE_URL: must be a postgresql:// URL",
    ]);
  });

  it.each([
    ["NODE_ENV", "staging", "must be development, test or production"],
    ["DATABASE_URL", "mysql://u@h/db", "must be a postgresql:// URL"],
    ["DATABASE_URL", "not a url", "must be a postgresql:// URL"],
    ["DATABASE_POOL_SIZE", "0", "must be a whole number from 1 to 1000"],
    ["DATABASE_POOL_SIZE", "ten", "must be a whole number from 1 to 1000"],
    ["DATABASE_PREPARED_STATEMENTS", "yes", "must be 1 or 0"],
    ["AUTH_SECRET", "short", "must be at least 32 characters"],
    ["WEBHOOK_SECRET_KEY", "c2hvcnQ=", "must be 32 bytes, base64-encoded"],
    ["WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8,10.0.0.0", '"10.0.0.0" is not a network in CIDR notation'],
    ["WEBHOOK_ALLOWED_NETWORKS", "10.0.0.0/33", '"10.0.0.0/33" is not a network in CIDR notation'],
    ["WEBHOOK_RETRY_SCHEDULE", "30s,2m,10m", "needs 4 waits"],
    ["WEBHOOK_RETRY_SCHEDULE", "30s,2m,10x,30m", 'cannot read "10x"'],
    ["WEBHOOK_RETRY_SCHEDULE", "30s,2m,10m,8d", 'cannot read "8d"'],
    ["WEBHOOK_RETRY_SCHEDULE", "30s,2m,10m,200h", 'cannot read "200h"'],
    ["WEBHOOK_TIMEOUT_MS", "7s", "must be a whole number from 1 to 300000"],
    ["WEBHOOK_TIMEOUT_MS", "0", "must be a whole number from 1 to 300000"],
    ["WEBHOOK_MAX_RETRY_AFTER_MS", "-1", "must be a whole number from 1 to 86400000"],
    ["WEBHOOK_DISABLE_AFTER_EXHAUSTED", "101", "must be a whole number from 1 to 100"],
    ["WEBHOOK_INLINE_BUDGET_MS", "1.5", "must be a whole number from 1 to 60000"],
    ["WEBHOOK_SLOW_ATTEMPT_MS", "fast", "must be a whole number from 1 to 300000"],
    ["WEBHOOK_SECRET_GRACE_HOURS", "a day", "must be a number from 0 to 720"],
    ["WEBHOOK_SECRET_GRACE_HOURS", "1000", "must be a number from 0 to 720"],
    ["DELIVERY_RETENTION_DAYS", "0", "must be a whole number from 1 to 3650"],
    ["LOG_LEVEL", "verbose", "must be one of fatal, error, warn, info, debug, trace, silent"],
    ["SMTP_URL", "http://mail.example.com", "must be an smtp:// or smtps:// URL"],
    ["SMTP_FROM", "nobody", "must be an e-mail address"],
    ["INNGEST_DEV", "yes", "must be 1, 0, true, false or the Dev Server's http(s) URL"],
    ["INNGEST_BASE_URL", "inngest:8288", "must be an http(s) URL"],
    ["INNGEST_SERVE_ORIGIN", "example.com", "must be an http(s) URL"],
    ["INNGEST_SIGNING_KEY", "my-key", "must look like signkey-<env>-<hex>"],
    ["INNGEST_SIGNING_KEY_FALLBACK", "signkey-prod-xyz", "must look like signkey-<env>-<hex>"],
    ["INNGEST_ALLOW_DEV_IN_PRODUCTION", "yes", "must be 1 or 0"],
  ])("names %s=%s", (name, value, message) => {
    const problems = configurationProblems({ ...VALID, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${name}: ${message}`);
  });

  it.each([
    ["PORT", "http", "must be a whole number from 1 to 65535"],
    ["PORT", "0", "must be a whole number from 1 to 65535"],
    ["WORKER_PORT", "70000", "must be a whole number from 1 to 65535"],
    ["WORKER_NICE", "20", "must be a whole number from 0 to 19"],
    ["INNGEST_LOCAL_PORT", "-1", "must be a whole number from 1 to 65535"],
    ["PGPORT_EMBEDDED", "5432x", "must be a whole number from 1 to 65535"],
  ])("names the start command's %s=%s", (name, value, message) => {
    expect(configurationProblems({ ...VALID, [name]: value }, { launcher: true })).toEqual([`${name}: ${message}`]);
    expect(configurationProblems({ ...VALID, [name]: value })).toEqual([]);
  });

  it("refuses Inngest dev mode in production, and production without Inngest's keys", () => {
    const production = { ...VALID, NODE_ENV: "production" };
    expect(configurationProblems({ ...production, INNGEST_DEV: "1" })).toEqual([
      expect.stringMatching(/^INNGEST_DEV: must not be set while NODE_ENV=production/),
    ]);
    expect(configurationProblems(production)).toEqual([
      "INNGEST_SIGNING_KEY: is required in production (Inngest Cloud or a self-hosted Inngest server)",
      "INNGEST_EVENT_KEY: is required in production (Inngest Cloud or a self-hosted Inngest server)",
    ]);
    expect(
      configurationProblems({ ...production, INNGEST_SIGNING_KEY: "signkey-prod-0a1b", INNGEST_EVENT_KEY: "k" }),
    ).toEqual([]);
    expect(() => assertSafeInngestMode({ NODE_ENV: "production", INNGEST_DEV: "http://127.0.0.1:8288" })).toThrow(
      /INNGEST_DEV/,
    );
    expect(() => assertSafeInngestMode({ NODE_ENV: "production", INNGEST_DEV: "0" })).not.toThrow();
  });

  it("throws one error listing every problem", () => {
    const error = (() => {
      try {
        assertValidConfiguration({ ...VALID, DATABASE_URL: "mysql://nope", WEBHOOK_RETRY_SCHEDULE: "soon" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    expect((error as Error).message).toMatch(
      /^Invalid configuration:\n {2}DATABASE_URL: must be a postgresql:\/\/ URL\n {2}WEBHOOK_RETRY_SCHEDULE: cannot read "soon"/,
    );
  });
});

describe("env", () => {
  it("gives typed values with their defaults", () => {
    for (const name of ["WEBHOOK_RETRY_SCHEDULE", "WEBHOOK_SECRET_GRACE_HOURS", "SMTP_FROM", "LOG_LEVEL"]) {
      vi.stubEnv(name, "");
    }
    expect(env.WEBHOOK_RETRY_SCHEDULE).toEqual([30_000, 120_000, 600_000, 1_800_000]);
    expect(env.WEBHOOK_RETRY_SCHEDULE).toHaveLength(MAX_ATTEMPTS - 1);
    expect(env.WEBHOOK_SECRET_GRACE_HOURS).toBe(24);
    expect(env.SMTP_FROM).toBe("Blue Webhooks <no-reply@blue-webhooks.local>");
    expect(env.LOG_LEVEL).toBeUndefined();
    vi.stubEnv("PORT", "");
    expect(launcherEnv.PORT).toBe(3000);
    vi.stubEnv("WORKER_NICE", "");
    expect(launcherEnv.WORKER_NICE).toBe(19);
  });

  it("reads a variable when used, so a change between reads is seen", () => {
    vi.stubEnv("WEBHOOK_RETRY_SCHEDULE", "10,20ms,1s,1.5m");
    expect(env.WEBHOOK_RETRY_SCHEDULE).toEqual([10, 20, 1_000, 90_000]);
    vi.stubEnv("WEBHOOK_RETRY_SCHEDULE", "1h,1h,1h,1h");
    expect(env.WEBHOOK_RETRY_SCHEDULE).toEqual([3_600_000, 3_600_000, 3_600_000, 3_600_000]);
    vi.stubEnv("WEBHOOK_SECRET_GRACE_HOURS", "0.5");
    expect(env.WEBHOOK_SECRET_GRACE_HOURS).toBe(0.5);
  });

  it("throws naming the variable when a bad value is read", () => {
    vi.stubEnv("WEBHOOK_SECRET_GRACE_HOURS", "a day");
    expect(() => env.WEBHOOK_SECRET_GRACE_HOURS).toThrow(
      "Invalid configuration:\n  WEBHOOK_SECRET_GRACE_HOURS: must be a number from 0 to 720",
    );
    vi.stubEnv("WEBHOOK_RETRY_SCHEDULE", "30s,2m");
    expect(() => env.WEBHOOK_RETRY_SCHEDULE).toThrow("WEBHOOK_RETRY_SCHEDULE: needs 4 waits");
  });

  it("parses the allow-list into networks", () => {
    vi.stubEnv("WEBHOOK_ALLOWED_NETWORKS", " 127.0.0.0/8 , ::1/128,");
    expect(env.WEBHOOK_ALLOWED_NETWORKS.map(([ip, bits]) => `${ip.toString()}/${bits}`)).toEqual([
      "127.0.0.0/8",
      "::1/128",
    ]);
  });
});
