import { afterEach, describe, expect, it, vi } from "vitest";

describe("env", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("names every invalid setting at start-up", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://nope");
    vi.stubEnv("AUTH_SECRET", "short");
    const { env } = await import("./env");
    expect(() => env()).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*AUTH_SECRET: must be at least 32/);
  });

  it("accepts a valid configuration", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/db");
    vi.stubEnv("AUTH_SECRET", "x".repeat(32));
    const { env } = await import("./env");
    expect(env().DATABASE_URL).toBe("postgresql://u:p@127.0.0.1:5432/db");
  });
});
