// One HTTP attempt of a delivery, through the guarded agent, with every outcome classified.
import { errors, request } from "undici";
import { assertAllowedTarget, deliveryAgent } from "./guarded-agent";

export const RESPONSE_BODY_CAP = 16 * 1024;

export type ErrorClass = "timeout" | "dns" | "refused" | "tls" | "ssrf" | "network" | "redirect" | "http_status";

export type AttemptOutcome = {
  ok: boolean;
  statusCode: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  latencyMs: number;
  errorClass: ErrorClass | null;
  errorMessage: string | null;
  /** From a 429's or 503's Retry-After, in ms. */
  retryAfterMs: number | null;
};

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function classify(error: unknown): { errorClass: ErrorClass; message: string } {
  const err = error as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? "";
  const message = err.message ?? String(error);
  if (code === "ESSRF") return { errorClass: "ssrf", message };
  if (err.name === "TimeoutError" || err.name === "AbortError" || (code.startsWith("UND_ERR_") && /TIMEOUT/.test(code)))
    return { errorClass: "timeout", message: "The receiver did not answer in time" };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ENODATA") return { errorClass: "dns", message };
  if (code === "ECONNREFUSED") return { errorClass: "refused", message };
  if (code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL") || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return { errorClass: "tls", message };
  return { errorClass: "network", message };
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= RESPONSE_BODY_CAP) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_BODY_CAP).toString("utf8");
}

/**
 * The reason every timed-out attempt is aborted with, made once: `abort()` without one builds a
 * DOMException, with its stack, per timed-out attempt — a cost the worker's CPU profile showed
 * when a hundred receivers time out together.
 */
const DEADLINE_PASSED = new errors.RequestAbortedError("The receiver did not answer in time");

export async function sendRequest(opts: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // The whole attempt's deadline (undici's own timeouts are per phase: a receiver trickling its
  // body byte by byte would outlast them). A plain timer cleared at the end, not
  // AbortSignal.timeout(): that one registers each signal for garbage collection, a cost per
  // attempt the worker's CPU profile showed.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(DEADLINE_PASSED), opts.timeoutMs);
  try {
    assertAllowedTarget(new URL(opts.url));
    const res = await request(opts.url, {
      method: "POST",
      headers: opts.headers,
      body: opts.body,
      dispatcher: deliveryAgent(),
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      signal: deadline.signal,
    });
    const responseBody = await readCapped(res.body);
    const responseHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) responseHeaders[k] = Array.isArray(v) ? v.join(", ") : String(v);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const redirect = res.statusCode >= 300 && res.statusCode < 400;
    return {
      ok,
      statusCode: res.statusCode,
      responseHeaders,
      responseBody,
      latencyMs: elapsed(),
      errorClass: ok ? null : redirect ? "redirect" : "http_status",
      errorMessage: ok
        ? null
        : redirect
          ? `Redirects are not followed (HTTP ${res.statusCode} to ${responseHeaders.location ?? "?"})`
          : `HTTP ${res.statusCode}`,
      retryAfterMs:
        res.statusCode === 429 || res.statusCode === 503 ? parseRetryAfter(responseHeaders["retry-after"]) : null,
    };
  } catch (error) {
    const { errorClass, message } =
      error instanceof errors.RequestAbortedError
        ? { errorClass: "timeout" as const, message: "The receiver did not answer in time" }
        : classify(error);
    return {
      ok: false,
      statusCode: null,
      responseHeaders: null,
      responseBody: null,
      latencyMs: elapsed(),
      errorClass,
      errorMessage: message,
      retryAfterMs: null,
    };
  } finally {
    clearTimeout(timer);
  }
}
