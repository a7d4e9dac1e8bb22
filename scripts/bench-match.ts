// npm run bench:match — the fan-out's matching and conditions steps (matchWebhooks, then
// applyConditions, through the project's own code) for one TODO_CREATED event, with 10,000,
// 100,000 and 1,000,000 webhooks in the database, seeded in SQL across 10,000 projects and 20,000
// users, every fifth with conditions (half of them hold for the event). Per size (vacuumed and
// checkpointed after seeding), 1,000 calls after 50 unmeasured ones for each of: a project with 5 members whose
// creators have 10 webhooks; a project with 1,000 members whose creators hold 5,000 webhooks; a
// project named by 7,000 webhooks of people who are not its members. Prints p50/p99 and the trace
// rows the fan-out writes per event (of them FILTERED). Then the preview (POST /webhooks/preview's service) over
// 10,000 stored events of one project, 100 calls: p50/p95. Asserts nothing. Uses its own
// database, blue_bench_matching.
//   --max N     stop after the size N (e.g. --max 100000 for a quick run; the preview runs always)
//   --calls N   calls per case (default 1,000: a p99 of 200 calls is its second-slowest, which one
//               scheduling stall of this virtual machine decides)
import { randomUUID } from "node:crypto";
import pg from "pg";
import { samplePayload } from "../lib/events/samples";
import { webhookPreviewSchema } from "../lib/validations/webhook-preview";
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
const calls = Number(argument("--calls") ?? 1000);

/** Every fifth webhook's conditions: one that holds for the sample event, one that does not. */
const CONDITIONS = [
  { match: "all", rules: [{ field: "record.tags", operator: "$contains", value: "tag_urgent" }] },
  {
    match: "any",
    rules: [
      { field: "record.list", operator: "$eq", value: "lst_done" },
      { match: "all", rules: [{ field: "record.done", operator: "$eq", value: true }] },
    ],
  },
].map((c) => JSON.stringify(c));

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
     INSERT INTO webhooks (id, uid, name, url, secret_encrypted, all_events, events, all_projects, project_ids, created_by_id,
                           conditions, updated_at)
     SELECT '${prefix}' || g, '${prefix}_' || g, 'Bench ' || g, 'http://127.0.0.1:9/' || g, 'v1:a:b:c',
            g % 3 = 0, CASE WHEN g % 3 = 0 THEN '{}'::text[] ELSE string_to_array(($3::text[])[g % $4::int + 1], ',') END,
            g % 2 = 0, CASE WHEN g % 2 = 0 THEN '{}'::text[] ELSE ${projects} END,
            ${creator}, CASE WHEN g % 5 = 0 THEN ($5::text[])[g / 5 % 2 + 1]::jsonb END, now()
       FROM generate_series($1::int, $2::int) g
     RETURNING id)
     INSERT INTO delivery_lanes (webhook_id, updated_at) SELECT id, now() FROM created`,
    [from, to, SELECTIONS.map((s) => s.join(",")), SELECTIONS.length, CONDITIONS],
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
  // Every table seeded so far (people, memberships, webhooks, lanes): autovacuum then has nothing
  // left to do on them during the measurement, as in a database at rest.
  await client.query("VACUUM ANALYZE");
  // The bulk load's pages are written out now, not by the checkpointer during the measurement.
  await client.query("CHECKPOINT");
}

/** Calls made before each case's measured ones: a process's first calls open and plan its connections, and V8 compiles the hot code. */
const WARM_UP_CALLS = 50;

const PREVIEW_EVENTS = 10_000;
/** A p95 of 100 calls is the fifth-slowest (of 30, the second-slowest). */
const PREVIEW_CALLS = 100;
const PREVIEW_TYPES = ["TODO_MOVED", "TODO_CREATED", "COMMENT_CREATED", "TODO_TAG_ADDED"] as const;
/** Moved into Review and tagged urgent, or a comment by Dana on an urgent record (read from the record). */
const PREVIEW_CONDITIONS = {
  match: "all",
  rules: [
    { field: "record.tags", operator: "$contains", value: "tag_urgent" },
    {
      match: "any",
      rules: [
        { field: "record.list", operator: "$changedTo", value: "lst_review" },
        { field: "comment.author", operator: "$eq", value: "usr_dana" },
      ],
    },
  ],
};

/**
 * A project with 1,000 records (every other one tagged urgent) and 10,000 events of the last six
 * days: the catalog's samples of four types, about those records, half of the records' events
 * without the tag.
 */
async function seedPreviewEvents(client: pg.Client) {
  await client.query(
    `INSERT INTO projects (id, company_id, name, slug, updated_at) VALUES ('p-preview', 'bench-co', 'Preview', 'p-preview', now());
     INSERT INTO project_members (project_id, user_id, role) VALUES ('p-preview', 's1', 'MEMBER');
     INSERT INTO todo_lists (id, project_id, title, position, updated_at) VALUES ('lst_review', 'p-preview', 'Review', 1, now());
     INSERT INTO tags (id, project_id, title, color, updated_at) VALUES ('tag_urgent', 'p-preview', 'Urgent', '#e5484d', now());
     INSERT INTO todos (id, project_id, todo_list_id, title, position, created_by_id, updated_at)
       SELECT 'bt' || g, 'p-preview', 'lst_review', 'Record ' || g, g, 's1', now() FROM generate_series(0, 999) g;
     INSERT INTO todo_tags (todo_id, tag_id) SELECT 'bt' || g, 'tag_urgent' FROM generate_series(0, 999, 2) g;`,
  );
  const batch = 2_000;
  for (let start = 0; start < PREVIEW_EVENTS; start += batch) {
    const rows = Array.from({ length: Math.min(batch, PREVIEW_EVENTS - start) }, (_, k) => {
      const i = start + k;
      const type = PREVIEW_TYPES[i % PREVIEW_TYPES.length];
      const todoId = `bt${i % 1000}`;
      const withId = (value: unknown) => {
        if (!value) return null;
        const v = structuredClone(value) as { id: string; tags?: unknown[]; todo?: { id: string } };
        if (v.todo) v.todo.id = todoId;
        else v.id = todoId;
        if (v.tags && i % 2 === 1) v.tags = [];
        return JSON.stringify(v);
      };
      const { previousValue, currentValue } = samplePayload(type);
      return [`pe${i}`, type, todoId, withId(previousValue), withId(currentValue), i];
    });
    await client.query(
      `INSERT INTO events (id, type, company_id, project_id, project_ids, todo_id, previous_value, current_value, occurred_at)
       SELECT v.id, v.type, 'bench-co', 'p-preview', ARRAY['p-preview'], v.todo_id, v.previous::jsonb, v.current::jsonb,
              (now() AT TIME ZONE 'UTC') - make_interval(secs => v.n * 50)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
           AS v(id, type, todo_id, previous, current, n)`,
      rows[0].map((_, c) => rows.map((r) => r[c])),
    );
  }
  await client.query("VACUUM ANALYZE events, todos, todo_tags");
}

async function benchPreview(client: pg.Client) {
  const t0 = performance.now();
  await seedPreviewEvents(client);
  console.error(
    `  (${PREVIEW_EVENTS.toLocaleString("en")} events seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const { previewWebhook } = await import("../lib/webhooks/preview-webhook");
  const input = webhookPreviewSchema.parse({ projectIds: ["p-preview"], conditions: PREVIEW_CONDITIONS });
  const times: number[] = [];
  let last = { considered: 0, matched: 0 };
  for (let i = 0; i < PREVIEW_CALLS; i++) {
    const start = performance.now();
    last = await previewWebhook("s1", input);
    times.push(performance.now() - start);
  }
  console.log(`\npreviewWebhook, ${PREVIEW_CALLS} calls (all event types, 3 rules, comments read their records)`);
  console.log("| stored events read | matched | p50 | p95 |");
  console.log("|---|---|---|---|");
  console.log(
    `| ${last.considered.toLocaleString("en")} | ${last.matched.toLocaleString("en")} | ${pct(times, 50).toFixed(1)} ms | ${pct(times, 95).toFixed(1)} ms |`,
  );
}

async function main() {
  loadEnvFiles();
  ensureLocalSecrets();
  await ensureDatabaseUp({ quiet: true });
  const url = await createTestDatabase("blue_bench_matching");
  process.env.DATABASE_URL = url;
  const { matchWebhooks } = await import("../lib/delivery-engine/match-webhooks");
  const { applyConditions } = await import("../lib/conditions/apply-conditions");
  const event = { type: EVENT_TYPE, todoId: null, ...samplePayload(EVENT_TYPE) };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await seedPeople(client);

  console.log(`matchWebhooks + applyConditions, ${calls} calls per case (event ${EVENT_TYPE})`);
  console.log(
    "| webhooks in the database | project | p50 | p99 | selecting webhooks | trace rows per event (FILTERED) |",
  );
  console.log("|---|---|---|---|---|---|");
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
      let selecting = 0;
      let traced = 0;
      let filtered = 0;
      for (let i = 0; i < WARM_UP_CALLS; i++)
        await applyConditions(event, await matchWebhooks(randomUUID(), EVENT_TYPE, [projectId]));
      for (let i = 0; i < calls; i++) {
        const start = performance.now();
        const matches = await applyConditions(event, await matchWebhooks(randomUUID(), EVENT_TYPE, [projectId]));
        times.push(performance.now() - start);
        selecting = matches.length;
        // Rows the fan-out writes to event_traces: every outcome but MATCHED (a delivery says that).
        traced = matches.filter((m) => m.outcome !== "MATCHED").length;
        filtered = matches.filter((m) => m.outcome === "FILTERED").length;
      }
      console.log(
        `| ${target.toLocaleString("en")} | ${label} | ${pct(times, 50).toFixed(1)} ms | ${pct(times, 99).toFixed(1)} ms | ${selecting.toLocaleString("en")} | ${traced.toLocaleString("en")} (${filtered.toLocaleString("en")}) |`,
      );
    }
  }
  await benchPreview(client);
  await client.end();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
