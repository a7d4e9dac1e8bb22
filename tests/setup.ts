import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { databaseName } from "../scripts/db/config";
import { copyDatabase } from "../scripts/db/server";

// Each test file works in its own copy of the migrated template (tests/global-setup.ts).
const template = inject("templateDatabaseUrl");
process.env.DATABASE_URL = await copyDatabase(template, `${databaseName(template)}_${randomBytes(5).toString("hex")}`);
// The app's Inngest client talks to a local Inngest server on a port of this worker's own (test
// files of one worker run one after another; workers run in parallel). Until a test starts that
// server, sends fail as they would with Inngest down.
// TEST_INNGEST_PORT_BASE moves the range, so that two checkouts can run their tests side by side.
const portBase = Number(process.env.TEST_INNGEST_PORT_BASE ?? 18_300);
process.env.INNGEST_DEV ??= `http://127.0.0.1:${portBase + Number(process.env.VITEST_POOL_ID ?? 0)}`;
