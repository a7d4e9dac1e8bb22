// One fresh, fully migrated database per test run, on the embedded server (or DATABASE_URL's).
import type { TestProject } from "vitest/node";
import { createTestDatabase, ensureDatabaseUp } from "../scripts/db/commands";
import { dropDatabase, stopServer } from "../scripts/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { startedServer } = await ensureDatabaseUp({ fast: true, quiet: true });
  const url = await createTestDatabase(`blue_test_${process.pid}`);
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(url);
    if (startedServer) await stopServer({ quiet: true });
  };
}
