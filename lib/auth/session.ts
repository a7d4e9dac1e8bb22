// Sessions are Auth.js JWT cookies. The API reads and writes them from the request itself, so the
// same code works in route handlers and in tests; Auth.js's auth() reads the same cookie in pages.
import { decode, encode } from "next-auth/jwt";
import { BoundedCache } from "../bounded-cache";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return secret;
}

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
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

// Sessions this process decrypted lately. Decoding derives a key (HKDF) and decrypts the JWE on
// every request, a visible share of an API call's CPU; a cookie that decoded once decodes the
// same way until it expires, so its subject is kept for a minute (bounded). Tampered or expired
// cookies never decode, so they are never cached.
const SESSION_CACHE_MS = 60_000;
const decoded = new BoundedCache<{ sub: string; until: number }>(10_000);

/** The signed-in user's id from the session cookie, or null (missing, tampered or expired). */
export async function sessionUserId(req: Request): Promise<string | null> {
  const name = sessionCookieName(isSecureRequest(req));
  const value = readCookie(req, name);
  if (!value) return null;
  const cacheKey = `${name}\n${authSecret()}\n${value}`;
  const cached = decoded.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.sub;
  try {
    const token = await decode({ token: value, secret: authSecret(), salt: name });
    if (typeof token?.sub !== "string") return null;
    const expires = typeof token.exp === "number" ? token.exp * 1000 : Date.now();
    decoded.set(cacheKey, { sub: token.sub, until: Math.min(Date.now() + SESSION_CACHE_MS, expires) });
    return token.sub;
  } catch {
    return null;
  }
}

export async function sessionCookie(req: Request, user: { id: string; email: string; name: string }): Promise<string> {
  const secure = isSecureRequest(req);
  const name = sessionCookieName(secure);
  const value = await encode({
    token: { sub: user.id, email: user.email, name: user.name },
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
