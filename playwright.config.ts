// End-to-end tests in Debian's Chromium against the production build, on its own fresh database.
import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./scripts/chromium-path";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const inngestPort = Number(process.env.E2E_INNGEST_PORT ?? 8299);
const database = process.env.E2E_DATABASE ?? "blue_e2e";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `npx tsx scripts/dev.ts --production --seed-demo --allow-loopback-webhooks --database ${database} --fresh`,
    // Ready when dev.ts prints its banner: after the worker's functions are synced with the local
    // Inngest server (the web process answers earlier, and an event sent then finds no function).
    wait: { stdout: /Blue Webhooks: http/ },
    env: {
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      INNGEST_LOCAL_PORT: String(inngestPort),
      // Short waits between attempts, so that a failing receiver disables its webhook within seconds.
      WEBHOOK_RETRY_SCHEDULE: "100,100,100,100",
      WEBHOOK_TIMEOUT_MS: "2000",
    },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
