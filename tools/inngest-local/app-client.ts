// HTTP to apps: one keep-alive undici Pool per origin whose connection count is the in-flight
// cap, so sockets are reused and a burst queues in the dispatcher instead of opening hundreds of
// connections. Redirects are not followed. Bodies are canonical JSON so they can be signed.
import { Pool } from "undici";
import type { AppResponse } from "./executor";
import { HEADER } from "./protocol";
import { canonicalJson, signatureHeader } from "./signing";

/** Larger answers are refused rather than buffered (the real server caps step output at 4 MB). */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export type AppClientOptions = { connectionsPerOrigin: number; timeoutMs: number; signingKey?: string };

export class AppClient {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: AppClientOptions) {}

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: this.options.connectionsPerOrigin, keepAliveTimeout: 30_000 });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  async request(
    method: "POST" | "PUT" | "GET",
    url: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<AppResponse> {
    const target = new URL(url);
    const body = payload === undefined ? undefined : canonicalJson(payload);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "inngest-local",
      [HEADER.serverKind]: this.options.signingKey ? "cloud" : "dev",
      ...extraHeaders,
    };
    if (this.options.signingKey && body !== undefined)
      headers[HEADER.signature] = signatureHeader(body, this.options.signingKey);
    const res = await this.pool(target.origin).request({
      method,
      path: `${target.pathname}${target.search}`,
      headers,
      body,
      signal,
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        res.body.destroy();
        throw new Error(`response larger than ${MAX_RESPONSE_BYTES} bytes`);
      }
      chunks.push(chunk);
    }
    return {
      status: res.statusCode,
      header: (name) => {
        const value = res.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
      },
      body: Buffer.concat(chunks).toString("utf8"),
    };
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  /** Closes without waiting for requests in flight (they fail with an abort error). */
  async destroy(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy()));
  }
}
