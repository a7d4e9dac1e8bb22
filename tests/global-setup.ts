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
  // The tests' database sessions run in a time zone far from UTC, so that a time written or read
  // through the session's zone instead of as UTC fails them.
  const sessions = new URL(url);
  sessions.searchParams.set("options", "-c TimeZone=America/New_York");
  project.provide("databaseUrl", sessions.toString());
  return async () => {
    await dropDatabase(url);
    if (startedServer) await stopServer({ quiet: true });
  };
}
