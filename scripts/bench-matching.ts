// npm run bench:matching — matchWebhooks (the fan-out's matching step, through the project's own
// code) with 10,000, 100,000 and 1,000,000 webhooks in the database, seeded in SQL across 10,000
// projects and 20,000 users. Per size, 200 calls for each of: a project with 5 members whose
// creators have 10 webhooks; a project with 1,000 members whose creators hold 5,000 webhooks; a
// project named by 7,000 webhooks of people who are not its members. Prints p50/p99 and the trace
// rows the fan-out writes per event. Asserts nothing. Uses its own database, blue_bench_matching.
//   --max N     stop after the size N (e.g. --max 100000 for a quick run)
//   --calls N   calls per case (default 200)
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createTestDatabase, ensureDatabaseUp } from "./db/commands";
import { loadEnvFiles } from "./env-files";
import { ensureLocalSecrets } from "./local-secrets";

const SIZES = [10_000, 100_000, 1_000_000];
const USERS = 20_000;
const PROJECTS = 10_000;
const EVENT_TYPE = "TODO_CREATED";
/** Selections of the seeded webhooks that are not "all events" (most do not select EVENT_TYPE). */
const SELECTIONS = [
  ["TODO_CREATED", "TODO_MOVED"],
  ["COMMENT_CREATED"],
  ["TODO_MOVED", "TODO_DONE_STATUS_UPDATED"],
  ["TAG_CREATED", "TODO_TAG_ADDED"],
  ["CHECKLIST_CREATED"],
];

const argument = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const max = Number(argument("--max") ?? SIZES.at(-1));
const calls = Number(argument("--calls") ?? 200);

const pct = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))];

/** Users, projects and memberships of the background, and the three measured projects. */
async function seedPeople(client: pg.Client) {
  await client.query(
    `INSERT INTO users (id, email, name, password_hash, updated_at)
     SELECT id, id || '@bench.test', id, 'x', now()
       FROM (SELECT 'u' || g AS id FROM generate_series(1, $1::int) g
             UNION ALL SELECT 's' || g FROM generate_series(1, 5) g
             UNION ALL SELECT 'l' || g FROM generate_series(1, 1000) g) ids`,
    [USERS],
  );
  await client.query("INSERT INTO companies (id, name, slug, updated_at) VALUES ('bench-co', 'Bench', 'bench', now())");
  await client.query(
    `INSERT INTO projects (id, company_id, name, slug, updated_at)
     SELECT id, 'bench-co', id, id, now()
       FROM (SELECT 'p' || g AS id FROM generate_series(1, $1::int) g
             UNION ALL VALUES ('p-small'), ('p-large'), ('p-named')) ids`,
    [PROJECTS],
  );
  // Each background user is in 3 projects (about 6 members per project).
  await client.query(
    `INSERT INTO project_members (project_id, user_id, role)
     SELECT DISTINCT 'p' || ((u * 3 + i * 3331) % $2::int + 1), 'u' || u, 'MEMBER'::"Role"
       FROM generate_series(1, $1::int) u, generate_series(0, 2) i`,
    [USERS, PROJECTS],
  );
  await client.query(
    `INSERT INTO project_members (project_id, user_id, role)
     SELECT 'p-small', 's' || g, 'MEMBER'::"Role" FROM generate_series(1, 5) g
     UNION ALL SELECT 'p-large', 'l' || g, 'MEMBER'::"Role" FROM generate_series(1, 1000) g
     UNION ALL SELECT 'p-named', 's' || g, 'MEMBER'::"Role" FROM generate_series(1, 5) g`,
  );
}

/**
 * Webhooks number `from`…`to`, each with its delivery lane (every webhook has one): a third "all events", half "all my projects", the others naming two
 * background projects. `prefix` and `creator` (SQL of g) place them.
 */
async function insertWebhooks(
  client: pg.Client,
  prefix: string,
  from: number,
  to: number,
  creator: string,
  projects: string,
) {
  await client.query(
    `WITH created AS (
     INSERT INTO webhooks (id, uid, name, url, secret_encrypted, all_events, events, all_projects, project_ids, created_by_id, updated_at)
     SELECT '${prefix}' || g, '${prefix}_' || g, 'Bench ' || g, 'http://127.0.0.1:9/' || g, 'v1:a:b:c',
            g % 3 = 0, CASE WHEN g % 3 = 0 THEN '{}'::text[] ELSE string_to_array(($3::text[])[g % $4::int + 1], ',') END,
            g % 2 = 0, CASE WHEN g % 2 = 0 THEN '{}'::text[] ELSE ${projects} END,
            ${creator}, now()
       FROM generate_series($1::int, $2::int) g
     RETURNING id)
     INSERT INTO delivery_lanes (webhook_id, updated_at) SELECT id, now() FROM created`,
    [from, to, SELECTIONS.map((s) => s.join(",")), SELECTIONS.length],
  );
}

const BACKGROUND_PROJECTS = `ARRAY['p' || ((g::bigint * 7919) % ${PROJECTS} + 1), 'p' || ((g::bigint * 104729) % ${PROJECTS} + 1)]`;

type Case = { label: string; projectId: string; webhooks: number; seed: (client: pg.Client) => Promise<void> };

const CASES: Case[] = [
  {
    label: "5 members, 10 webhooks",
    projectId: "p-small",
    webhooks: 10,
    // Some name the project, some are "all my projects", some name other projects.
    seed: (c) => insertWebhooks(c, "ws", 1, 10, "'s' || (g % 5 + 1)", "ARRAY['p-small', 'p' || g]"),
  },
  {
    label: "1,000 members, 5,000 webhooks",
    projectId: "p-large",
    webhooks: 5000,
    seed: (c) =>
      insertWebhooks(
        c,
        "wl",
        1,
        5000,
        "'l' || (g % 1000 + 1)",
        `CASE WHEN g % 4 = 1 THEN ARRAY['p-large'] ELSE ${BACKGROUND_PROJECTS} END`,
      ),
  },
  {
    label: "named by 7,000 webhooks of non-members",
    projectId: "p-named",
    webhooks: 7000,
    seed: async (c) => {
      await insertWebhooks(c, "wn", 1, 7000, `'u' || (g % ${USERS} + 1)`, "ARRAY['p-named']");
      await c.query("UPDATE webhooks SET all_projects = false, project_ids = ARRAY['p-named'] WHERE id LIKE 'wn%'");
    },
  },
];

async function growTo(client: pg.Client, from: number, to: number) {
  const step = 100_000;
  for (let start = from + 1; start <= to; start += step) {
    const end = Math.min(to, start + step - 1);
    await insertWebhooks(client, "w", start, end, `'u' || (g % ${USERS} + 1)`, BACKGROUND_PROJECTS);
  }
  await client.query("VACUUM ANALYZE webhooks, delivery_lanes");
}

async function main() {
  loadEnvFiles();
  ensureLocalSecrets();
  await ensureDatabaseUp({ quiet: true });
  const url = await createTestDatabase("blue_bench_matching");
  process.env.DATABASE_URL = url;
  const { matchWebhooks } = await import("../lib/delivery-engine/match-webhooks");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await seedPeople(client);

  console.log(`matchWebhooks, ${calls} calls per case (event ${EVENT_TYPE})`);
  console.log("| webhooks in the database | project | p50 | p99 | trace rows per event |");
  console.log("|---|---|---|---|---|");
  // Background webhooks so far, and the cases seeded so far (a case joins once it fits the size).
  let background = 0;
  const seeded: Case[] = [];
  for (const target of SIZES.filter((s) => s <= max)) {
    const t0 = performance.now();
    for (const c of CASES) {
      const inCases = seeded.reduce((n, s) => n + s.webhooks, 0);
      if (!seeded.includes(c) && inCases + c.webhooks <= target / 2) {
        await c.seed(client);
        seeded.push(c);
      }
    }
    const inCases = seeded.reduce((n, s) => n + s.webhooks, 0);
    await growTo(client, background, target - inCases);
    background = target - inCases;
    console.error(
      `  (${target.toLocaleString("en")} webhooks seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    for (const { label, projectId } of seeded) {
      const times: number[] = [];
      let traced = 0;
      for (let i = 0; i < calls; i++) {
        const start = performance.now();
        const matches = await matchWebhooks(randomUUID(), EVENT_TYPE, [projectId]);
        times.push(performance.now() - start);
        traced = matches.length;
      }
      console.log(
        `| ${target.toLocaleString("en")} | ${label} | ${pct(times, 50).toFixed(1)} ms | ${pct(times, 99).toFixed(1)} ms | ${traced.toLocaleString("en")} |`,
      );
    }
  }
  await client.end();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
