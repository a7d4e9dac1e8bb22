// Which addresses and ports a webhook may reach: public unicast only, unless an operator
// allow-lists a network (WEBHOOK_ALLOWED_NETWORKS, CIDRs, comma-separated; the dev and test
// commands allow loopback). Used when a URL is saved and again at connect time, after DNS.
import ipaddr from "ipaddr.js";
import { env } from "../env";

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

// The only IPv6 block allocated for global unicast. ipaddr.js calls everything it has no name for
// "unicast", including the deprecated IPv4-compatible block (::a.b.c.d, RFC 4291), which some
// stacks route to the IPv4 address inside, and IANA's unallocated space.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1: judge the IPv4 address inside.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

function isPublicUnicast(ip: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (ip.range() !== "unicast") return false;
  return ip.kind() === "ipv4" || ip.match(GLOBAL_UNICAST_V6);
}

/**
 * True when the address may be reached: an address ipaddr.js classes as public unicast (for IPv6,
 * also inside 2000::/3), or one inside an allow-listed network. Everything else — private,
 * loopback, link-local, site-local, IPv4-compatible, NAT64, 6to4, Teredo, reserved — is refused.
 */
export function isAllowedAddress(address: string, allowed: Cidr[] = env.WEBHOOK_ALLOWED_NETWORKS): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = normalise(address);
  for (const [network, bits] of allowed) {
    if (network.kind() === ip.kind() && ip.match(network, bits)) return true;
  }
  return isPublicUnicast(ip);
}

/** A URL's port: its scheme's default, or 1–65535 (port 0 is no port to connect to). */
export function isAllowedPort(url: URL): boolean {
  if (url.port === "") return true;
  const port = Number(url.port);
  return Number.isInteger(port) && port >= 1 && port <= 65_535;
}

export const PRIVATE_NETWORK_MESSAGE = "URL points to a private network";
export const PORT_MESSAGE = "URL port must be from 1 to 65535";
