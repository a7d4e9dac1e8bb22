// The client address that per-address limits count against, and that a session row records.
//
// A Next.js route handler never sees the socket: Next.js passes the peer's address on as
// `X-Forwarded-For`, and only when the request did not bring that header itself. So without a
// trusted proxy the address is the header's LAST entry — the peer that connected to Next.js, or
// what the nearest reverse proxy appended (nginx's `$proxy_add_x_forwarded_for`, most load
// balancers). A client talking to Next.js directly can still choose that entry by sending the
// header; per-address limits then rely on a proxy in front, while per-account limits never do.
// With TRUST_PROXY the FIRST entry is taken instead: the original client, as named by a chain of
// proxies that all overwrite or sanitise the header. It is a constant until the env module offers
// the setting.
import ipaddr from "ipaddr.js";

export const TRUST_PROXY = false;

export function clientAddress(req: Request): string {
  const entries = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const raw = TRUST_PROXY ? entries[0] : entries.at(-1);
  return raw ? normalizeAddress(raw) : "unknown";
}

/** One spelling per address (IPv4-mapped IPv6 as IPv4, no port or brackets); anything else as sent, capped. */
export function normalizeAddress(raw: string): string {
  const bare = raw.replace(/^\[([^\]]+)\](:\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  return ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : raw.slice(0, 64);
}

/** What per-address limits count: the address, or for IPv6 its /64, since a client usually owns a whole /64. */
export function addressBucket(address: string): string {
  if (!ipaddr.IPv6.isValid(address)) return address;
  const hextets = ipaddr.IPv6.parse(address).parts.slice(0, 4);
  return `${hextets.map((h) => h.toString(16)).join(":")}::/64`;
}
