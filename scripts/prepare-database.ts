// The database a start command runs on: created when missing (or recreated with --fresh),
// migrated, and seeded with the demo data only when asked to and still empty.
import { createPrismaClient } from "../lib/db";
import { isEmpty, seedDemoData } from "../lib/seed/demo-data";
import { deploy } from "./db/commands";
import { ensureDatabase } from "./db/server";

export async function prepareDatabase(url: string, options: { fresh: boolean; seedDemo: boolean }) {
  await ensureDatabase(url, { recreate: options.fresh });
  const applied = await deploy(url);
  if (!options.seedDemo) return { applied, seeded: false };
  const db = createPrismaClient(url);
  try {
    const seeded = await isEmpty(db);
    if (seeded) await seedDemoData(db);
    return { applied, seeded };
  } finally {
    await db.$disconnect();
  }
}
