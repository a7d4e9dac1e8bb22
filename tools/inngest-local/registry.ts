// Registered apps, their functions and cron schedules, plus firing due crons.
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { nextCronRun } from "./cron";
import type { Database } from "./db";
import { ulid } from "./ids";
import { createRun } from "./ingest";
import { type AppRegistration, CRON_EVENT, type EventPayload, type FunctionConfig, isCronTrigger } from "./protocol";
import { canonicalJson } from "./signing";

/** Config the real server enforces but inngest-local only stores; reported whenever such a config is synced. */
const NOT_ENFORCED = [
  "throttle",
  "rateLimit",
  "debounce",
  "batchEvents",
  "cancel",
  "priority",
  "timeouts",
  "singleton",
];

export class RegistrationError extends Error {}

function cronExpressions(config: FunctionConfig): string[] {
  return config.triggers.filter(isCronTrigger).map((t) => t.cron);
}

/** Rejects a registration that could never run, before anything is stored. */
function validate(registration: AppRegistration, now: Date): void {
  for (const fn of registration.functions) {
    if (Object.keys(fn.steps).length === 0) throw new RegistrationError(`function ${fn.id}: no step runtime`);
    for (const expression of cronExpressions(fn)) {
      try {
        nextCronRun(expression, now);
      } catch (error) {
        throw new RegistrationError(`function ${fn.id}: invalid cron "${expression}": ${(error as Error).message}`);
      }
    }
  }
}

function warnAboutUnsupported(registration: AppRegistration, logger: Logger): void {
  for (const fn of registration.functions) {
    const ignored = NOT_ENFORCED.filter((key) => fn[key] !== undefined && fn[key] !== null);
    if (ignored.length > 0)
      logger.warn({ functionId: fn.id, ignored }, "function config not enforced by inngest-local");
    for (const step of Object.values(fn.steps)) {
      if (step.runtime.type && step.runtime.type !== "http") {
        logger.warn({ functionId: fn.id, runtime: step.runtime.type }, "only the http runtime is supported");
      }
    }
  }
}

/** Stores an app's functions, replacing the previous set. `modified` is false when nothing changed. */
export async function saveApp(
  db: Database,
  registration: AppRegistration,
  now: number,
  logger: Logger,
): Promise<{ modified: boolean }> {
  validate(registration, new Date(now));
  const hash = createHash("sha256")
    .update(canonicalJson({ url: registration.url, functions: registration.functions }))
    .digest("hex");
  const modified = await db.tx(async (c) => {
    const current = await c.query<{ config_hash: string }>(
      `SELECT config_hash FROM ${db.t.apps} WHERE id = $1 FOR UPDATE`,
      [registration.appId],
    );
    if (current.rows[0]?.config_hash === hash) {
      await c.query(`UPDATE ${db.t.apps} SET synced_at = $2 WHERE id = $1`, [registration.appId, new Date(now)]);
      return false;
    }
    await c.query(
      `INSERT INTO ${db.t.apps} (id, url, sdk, framework, config_hash, synced_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, sdk = EXCLUDED.sdk, framework = EXCLUDED.framework,
         config_hash = EXCLUDED.config_hash, synced_at = EXCLUDED.synced_at`,
      [registration.appId, registration.url, registration.sdk, registration.framework, hash, new Date(now)],
    );
    const ids = registration.functions.map((fn) => fn.id);
    await c.query(`DELETE FROM ${db.t.functions} WHERE app_id = $1 AND NOT (id = ANY($2))`, [registration.appId, ids]);
    for (const fn of registration.functions) {
      await c.query(
        `INSERT INTO ${db.t.functions} (id, app_id, name, config, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET app_id = EXCLUDED.app_id, name = EXCLUDED.name, config = EXCLUDED.config,
           updated_at = EXCLUDED.updated_at`,
        [fn.id, registration.appId, fn.name ?? fn.id, JSON.stringify(fn), new Date(now)],
      );
      const crons = cronExpressions(fn);
      await c.query(`DELETE FROM ${db.t.crons} WHERE function_id = $1 AND NOT (expression = ANY($2))`, [fn.id, crons]);
      for (const expression of crons) {
        const next = nextCronRun(expression, new Date(now));
        if (!next) continue;
        await c.query(
          `INSERT INTO ${db.t.crons} (function_id, expression, next_at) VALUES ($1, $2, $3)
           ON CONFLICT (function_id, expression) DO NOTHING`,
          [fn.id, expression, next],
        );
      }
    }
    return true;
  });
  if (modified) {
    warnAboutUnsupported(registration, logger);
    logger.info(
      { appId: registration.appId, url: registration.url, functions: registration.functions.map((fn) => fn.id) },
      "app synced",
    );
  }
  return { modified };
}

export type AppView = {
  id: string;
  url: string;
  sdk: string | null;
  framework: string | null;
  syncedAt: string;
  functions: { id: string; name: string; triggers: FunctionConfig["triggers"] }[];
};

export async function listApps(db: Database): Promise<AppView[]> {
  const { rows } = await db.pool.query<{
    id: string;
    url: string;
    sdk: string | null;
    framework: string | null;
    synced_at: Date;
    functions: { id: string; name: string; config: FunctionConfig }[] | null;
  }>(
    `SELECT a.id, a.url, a.sdk, a.framework, a.synced_at,
       (SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'config', f.config) ORDER BY f.id)
          FROM ${db.t.functions} f WHERE f.app_id = a.id) AS functions
     FROM ${db.t.apps} a ORDER BY a.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    sdk: r.sdk,
    framework: r.framework,
    syncedAt: r.synced_at.toISOString(),
    functions: (r.functions ?? []).map((f) => ({ id: f.id, name: f.name, triggers: f.config.triggers })),
  }));
}

/**
 * Starts a run for every cron slot that is due. Row locks with SKIP LOCKED and advancing
 * `next_at` in the same transaction make each slot fire once even with several servers on one
 * database. Slots missed while no server was running are not replayed: the next one is after now.
 */
export async function fireDueCrons(db: Database, now: number, logger: Logger): Promise<number> {
  return db.tx(async (c) => {
    const { rows } = await c.query<{
      function_id: string;
      expression: string;
      next_at: Date;
      app_id: string;
      config: FunctionConfig;
    }>(
      `SELECT c.function_id, c.expression, c.next_at, f.app_id, f.config
       FROM ${db.t.crons} c JOIN ${db.t.functions} f ON f.id = c.function_id
       WHERE c.next_at <= $1 ORDER BY c.next_at LIMIT 100
       FOR UPDATE OF c SKIP LOCKED`,
      [new Date(now)],
    );
    for (const row of rows) {
      const eventId = ulid(now);
      const event: EventPayload = {
        name: CRON_EVENT,
        data: { cron: row.expression },
        id: eventId,
        ts: row.next_at.getTime(),
      };
      await c.query(
        `INSERT INTO ${db.t.events} (id, name, dedupe_id, payload, received_at) VALUES ($1, $2, NULL, $3, $4)`,
        [eventId, CRON_EVENT, JSON.stringify(event), new Date(now)],
      );
      await createRun(
        db,
        c,
        { id: row.function_id, appId: row.app_id, config: row.config },
        event,
        eventId,
        now,
        logger,
      );
      const next = nextCronRun(row.expression, new Date(now));
      if (next) {
        await c.query(`UPDATE ${db.t.crons} SET next_at = $3 WHERE function_id = $1 AND expression = $2`, [
          row.function_id,
          row.expression,
          next,
        ]);
      } else {
        await c.query(`DELETE FROM ${db.t.crons} WHERE function_id = $1 AND expression = $2`, [
          row.function_id,
          row.expression,
        ]);
      }
    }
    return rows.length;
  });
}

export async function nextCronAt(db: Database): Promise<number | null> {
  const { rows } = await db.pool.query<{ at: Date | null }>(`SELECT min(next_at) AS at FROM ${db.t.crons}`);
  return rows[0]?.at ? rows[0].at.getTime() : null;
}
