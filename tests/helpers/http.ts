// Calls route handlers the way Next.js does (a NextRequest and a params promise), in-process.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { POST as signUpRoute } from "@/app/api/v1/auth/sign-up/route";

// biome-ignore lint/suspicious/noExplicitAny: route handlers declare their own params types
type Handler = (req: NextRequest, segment: { params: Promise<any> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  cookie?: string;
  token?: string;
};

// biome-ignore lint/suspicious/noExplicitAny: tests assert on arbitrary JSON bodies
export type CallResult = { status: number; headers: Headers; json: any };

export async function call(handler: Handler, opts: CallOptions = {}): Promise<CallResult> {
  const headers = new Headers(opts.headers);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  if (opts.cookie) headers.set("cookie", opts.cookie);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  const req = new NextRequest(new URL(opts.path ?? "/", "http://localhost"), {
    method: opts.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

/** The "name=value" part of a Set-Cookie header, as a browser would send it back. */
export function cookieFrom(res: CallResult): string {
  const setCookie = res.headers.get("set-cookie");
  if (!setCookie) throw new Error("response set no cookie");
  return setCookie.split(";")[0];
}

export function uniqueEmail(label = "user") {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export const TEST_PASSWORD = "correct-horse-battery";

/** A new account through the real sign-up route, with its session cookie. */
export async function signUp(label = "user") {
  const email = uniqueEmail(label);
  const res = await call(signUpRoute, { body: { name: `Test ${label}`, email, password: TEST_PASSWORD } });
  if (res.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(res.json)}`);
  return { user: res.json as { id: string; email: string; name: string }, cookie: cookieFrom(res), email };
}
