// One fresh, fully migrated database per test run, on the embedded server (or DATABASE_URL's): the
// template that every test file copies (tests/setup.ts), so that files running at the same time in
// other workers never see each other's rows — a relay or lane run of one file would otherwise
// pick up another file's deliveries.
import type { TestProject } from "vitest/node";
import { createTestDatabase, ensureDatabaseUp } from "../scripts/db/commands";
import { dropDatabase, dropDatabasesStartingWith, stopServer } from "../scripts/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template; a test file works in its own copy. */
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { startedServer } = await ensureDatabaseUp({ fast: true, quiet: true });
  const name = `blue_test_${process.pid}`;
  const url = await createTestDatabase(name);
  // The tests' database sessions run in a time zone far from UTC, so that a time written or read
  // through the session's zone instead of as UTC fails them.
  const sessions = new URL(url);
  sessions.searchParams.set("options", "-c TimeZone=America/New_York");
  project.provide("templateDatabaseUrl", sessions.toString());
  return async () => {
    await dropDatabasesStartingWith(url, `${name}_`);
    await dropDatabase(url);
    if (startedServer) await stopServer({ quiet: true });
  };
}
