// The session cookie: an Auth.js JWT (encrypted) naming the user (`sub`) and the server-side
// session row (`sid`). The API reads and writes it from the request itself, so the same code works
// in route handlers and in tests; Auth.js's auth() reads the same cookie in pages. The cookie alone
// is not enough: lib/auth/sessions/active-session.ts checks the row on every request.
import { decode, encode } from "next-auth/jwt";
import { BoundedCache } from "../bounded-cache";
import { env } from "../env";
import { clientAddress } from "./client-address";
import { SESSION_MAX_AGE_SECONDS, startSession } from "./sessions/start-session";

export type SessionClaims = { userId: string; sessionId: string };

const authSecret = () => env.AUTH_SECRET;

export function isSecureRequest(req: Request): boolean {
  const forwarded = req.headers.get("x-forwarded-proto");
  return (forwarded ?? new URL(req.url).protocol.replace(":", "")) === "https";
}

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Whether the request carries a session cookie at all (valid or not). */
export function hasSessionCookie(req: Request): boolean {
  return readCookie(req, sessionCookieName(isSecureRequest(req))) !== undefined;
}

// Cookies this process decrypted lately. Decoding derives a key (HKDF) and decrypts the JWE on
// every request, a visible share of an API call's CPU; a cookie that decoded once decodes the
// same way until it expires, so its claims are kept for a minute (bounded). Tampered or expired
// cookies never decode, so they are never cached. Whether the session is still active is not
// cached here: that is the session row's business.
const DECODED_CACHE_MS = 60_000;
const decoded = new BoundedCache<SessionClaims & { until: number }>(10_000);

/** The user and session the cookie names, or null (missing, tampered, expired, or from before sessions had ids). */
export async function sessionClaims(req: Request): Promise<SessionClaims | null> {
  const name = sessionCookieName(isSecureRequest(req));
  const value = readCookie(req, name);
  if (!value) return null;
  const cacheKey = `${name}\n${authSecret()}\n${value}`;
  const cached = decoded.get(cacheKey);
  if (cached && cached.until > Date.now()) return { userId: cached.userId, sessionId: cached.sessionId };
  try {
    const token = await decode({ token: value, secret: authSecret(), salt: name });
    if (typeof token?.sub !== "string" || typeof token.sid !== "string") return null;
    const expires = typeof token.exp === "number" ? token.exp * 1000 : Date.now();
    const claims = { userId: token.sub, sessionId: token.sid };
    decoded.set(cacheKey, { ...claims, until: Math.min(Date.now() + DECODED_CACHE_MS, expires) });
    return claims;
  } catch {
    return null;
  }
}

/** Start a session for the user (a row recording this client) and the Set-Cookie header carrying it. */
export async function sessionCookie(req: Request, user: { id: string; email: string; name: string }): Promise<string> {
  const session = await startSession(user.id, {
    address: clientAddress(req),
    userAgent: req.headers.get("user-agent"),
  });
  const secure = isSecureRequest(req);
  const name = sessionCookieName(secure);
  const value = await encode({
    token: { sub: user.id, sid: session.id, email: user.email, name: user.name },
    secret: authSecret(),
    salt: name,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return [
    `${name}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${SESSION_MAX_AGE_SECONDS}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(req: Request): string {
  const secure = isSecureRequest(req);
  return [
    `${sessionCookieName(secure)}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
