import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(process.cwd()) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup.ts"],
    env: {
      NODE_ENV: "test",
      AUTH_SECRET: "test-only-auth-secret-0123456789abcdef",
      NEXT_TELEMETRY_DISABLED: "1",
      WEBHOOK_SECRET_KEY: "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=",
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8,::1/128",
    },
    pool: "forks",
    // Two files at a time even on two cores (Vitest's default is one fewer than the cores): most
    // tests wait on receivers, timers and the database, and each file works in its own database.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
