// npm run db:seed — add the demo companies, projects and users (idempotent).
import { createPrismaClient } from "../lib/db";
import { DEMO_USERS, seedDemoData } from "../lib/seed/demo-data";
import { ensureDatabaseUp } from "./db/commands";
import { loadEnvFiles } from "./env-files";

async function main() {
  loadEnvFiles();
  const { url } = await ensureDatabaseUp();
  const db = createPrismaClient(url);
  try {
    await seedDemoData(db);
    console.log(`seeded; sign in as ${DEMO_USERS.demo.email} / ${DEMO_USERS.demo.password}`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
