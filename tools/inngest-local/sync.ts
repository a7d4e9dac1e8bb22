// App sync. In-band: we PUT the app with `x-inngest-sync-kind: in_band` and it answers with its
// functions. Out-of-band: anyone PUTs the app without that header and the SDK POSTs its
// functions to our /fn/register. The watcher re-syncs configured apps periodically, which also
// picks them up again after they restart or come up after us.
import type { Logger } from "pino";
import type { AppClient } from "./app-client";
import type { Database } from "./db";
import type { AppResponse } from "./executor";
import {
  type AppRegistration,
  describeZodError,
  HEADER,
  inBandSyncResponseSchema,
  registerBodySchema,
  toSerializedError,
} from "./protocol";
import { RegistrationError, saveApp } from "./registry";

/** A sync is a cheap request; an app that takes longer is treated as unreachable. */
const SYNC_TIMEOUT_MS = 30_000;

export type SyncResult = { kind: "in_band" | "out_of_band"; appId?: string; functions?: number; modified: boolean };

/** The app could not be synced; the message says why. */
export class SyncError extends Error {}

export class AppSync {
  constructor(
    private readonly db: Database,
    private readonly client: AppClient,
    private readonly logger: Logger,
    private readonly onChange: () => void,
  ) {}

  /** Stores a registration (from /fn/register or an in-band answer). */
  async register(registration: AppRegistration): Promise<{ modified: boolean }> {
    const result = await saveApp(this.db, registration, Date.now(), this.logger);
    if (result.modified) this.onChange();
    return result;
  }

  /** Validates the body of the SDK's out-of-band `POST /fn/register`. */
  parseRegisterBody(body: unknown): AppRegistration {
    const parsed = registerBodySchema.safeParse(body);
    if (!parsed.success) throw new RegistrationError(`invalid registration: ${describeZodError(parsed.error)}`);
    const { appName, url, sdk, framework, functions } = parsed.data;
    return { appId: appName, url, sdk: sdk ?? null, framework: framework ?? null, functions };
  }

  async sync(appUrl: string): Promise<SyncResult> {
    let url: URL;
    try {
      url = new URL(appUrl);
    } catch {
      throw new SyncError(`not a URL: ${JSON.stringify(appUrl)}`);
    }
    let res: AppResponse;
    try {
      res = await this.client.request(
        "PUT",
        url.href,
        { url: url.href },
        { [HEADER.syncKind]: "in_band" },
        AbortSignal.timeout(SYNC_TIMEOUT_MS),
      );
    } catch (error) {
      throw new SyncError(`app at ${url.href} is not reachable: ${(error as Error).message}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      throw new SyncError(`app at ${url.href} answered HTTP ${res.status} with a body that is not JSON`);
    }
    if (res.status < 200 || res.status > 299) {
      throw new SyncError(
        `app at ${url.href} refused to sync (HTTP ${res.status}): ${toSerializedError(body).message}`,
      );
    }
    if (res.header(HEADER.syncKind) !== "in_band") {
      // The SDK did an out-of-band sync instead and has already called our /fn/register.
      const modified = Boolean((body as { modified?: unknown } | null)?.modified);
      return { kind: "out_of_band", modified };
    }
    const parsed = inBandSyncResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new SyncError(`app at ${url.href} sent an invalid in-band sync answer: ${describeZodError(parsed.error)}`);
    }
    const { app_id, functions, sdk, framework } = parsed.data;
    const registration = {
      appId: app_id,
      url: parsed.data.url,
      sdk: sdk ?? null,
      framework: framework ?? null,
      functions,
    };
    const { modified } = await this.register(registration);
    return { kind: "in_band", appId: app_id, functions: functions.length, modified };
  }
}

/** Keeps configured app URLs synced: at start, whenever they come back, and when their functions change. */
export class AppWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly reachable = new Map<string, boolean>();
  private stopped = false;

  constructor(
    private readonly sync: AppSync,
    private readonly urls: string[],
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.urls.length > 0) this.tick();
  }

  private tick(): void {
    this.running = this.syncAll().finally(() => {
      this.running = undefined;
      if (!this.stopped && this.intervalMs > 0) this.timer = setTimeout(() => this.tick(), this.intervalMs);
    });
  }

  private async syncAll(): Promise<void> {
    for (const url of this.urls) {
      try {
        const result = await this.sync.sync(url);
        if (this.reachable.get(url) !== true) this.logger.info({ url, ...result }, "app reachable and synced");
        this.reachable.set(url, true);
      } catch (error) {
        if (this.reachable.get(url) !== false) {
          this.logger.warn({ url, reason: (error as Error).message }, "app not synced; retrying in the background");
        }
        this.reachable.set(url, false);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
