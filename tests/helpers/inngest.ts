// The app's real Inngest functions, served by the real SDK serve() on a local HTTP server, run
// by the project's local Inngest server on this worker's port (see tests/setup.ts).
import { afterAll, beforeAll } from "vitest";
import { functions } from "@/inngest";
import { inngest } from "@/inngest/client";
import { settleBackgroundAttempts } from "@/lib/delivery-engine/background-sender";
import { type InngestLocal, startInngestLocal } from "@/tools/inngest-local";
import { dropSchema, startApp, type TestApp, uniqueSchema } from "@/tools/inngest-local/test-support";

export type InngestHarness = {
  server: InngestLocal;
  app: TestApp;
  /** Stop the Inngest server only (the app keeps serving); start() brings it back on the same data. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
};

export async function startInngestHarness(opts: { startServer?: boolean } = {}): Promise<InngestHarness> {
  const port = Number(new URL(process.env.INNGEST_DEV ?? "").port);
  const schema = uniqueSchema("app");
  const app = await startApp(inngest, functions);
  const appUrl = `${app.url}/api/inngest`;
  const harness: InngestHarness = {
    server: undefined as unknown as InngestLocal,
    app,
    async startServer() {
      harness.server = await startInngestLocal({
        databaseUrl: process.env.DATABASE_URL!,
        port,
        schema,
        backoffScale: 0.001,
        syncIntervalMs: 0,
        pollIntervalMs: 100,
      });
      await harness.server.sync(appUrl);
    },
    async stopServer() {
      await harness.server?.stop();
    },
    async close() {
      await harness.server?.stop();
      await app.close();
      await dropSchema(schema);
    },
  };
  if (opts.startServer !== false) await harness.startServer();
  return harness;
}

/**
 * A test file's harness: started before its tests, closed after them once the attempts still
 * running in the background are recorded. Returns a getter for the tests that need it.
 */
export function harnessForThisFile(): () => InngestHarness {
  let harness: InngestHarness | undefined;
  beforeAll(async () => {
    harness = await startInngestHarness();
  }, 60_000);
  afterAll(async () => {
    await settleBackgroundAttempts();
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error("the harness has not started");
    return harness;
  };
}
