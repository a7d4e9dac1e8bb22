// What a start does to an empty database, against the real PostgreSQL: a production start leaves
// it without any account; only a start that asks for the demo data gets the published logins.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../lib/db";
import { DEMO_USERS } from "../lib/seed/demo-data";
import { databaseUrl, withDatabase } from "./db/config";
import { dropDatabase } from "./db/server";
import { prepareDatabase } from "./prepare-database";
import { parseStartOptions } from "./start-options";

const url = withDatabase(databaseUrl(), `blue_start_${process.pid}`);

afterAll(() => dropDatabase(url));

async function userEmails(): Promise<string[]> {
  const db = createPrismaClient(url);
  try {
    return (await db.user.findMany({ select: { email: true }, orderBy: { email: "asc" } })).map((u) => u.email);
  } finally {
    await db.$disconnect();
  }
}

describe("prepareDatabase", () => {
  it("npm start on an empty database migrates it and creates no account", async () => {
    const { production, seedDemo } = parseStartOptions(["--production"]);
    expect(production).toBe(true);
    const result = await prepareDatabase(url, { fresh: true, seedDemo });
    expect(result.applied.length).toBeGreaterThan(0);
    expect(result.seeded).toBe(false);
    expect(await userEmails()).toEqual([]);
  });

  it("--seed-demo (and npm run dev) seed the demo accounts into that empty database, once", async () => {
    const { seedDemo } = parseStartOptions(["--production", "--seed-demo"]);
    expect(await prepareDatabase(url, { fresh: false, seedDemo })).toEqual({ applied: [], seeded: true });
    expect(await userEmails()).toEqual([DEMO_USERS.demo.email, DEMO_USERS.other.email].sort());
    expect((await prepareDatabase(url, { fresh: false, seedDemo })).seeded).toBe(false);
  });
});
