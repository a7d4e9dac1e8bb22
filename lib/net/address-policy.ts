// Which IP addresses a webhook may reach: public unicast only, unless an operator allow-lists a
// network (WEBHOOK_ALLOWED_NETWORKS, CIDRs, comma-separated; the dev and test commands allow
// loopback). Used when a URL is saved and again at connect time, after DNS.
import ipaddr from "ipaddr.js";

const BLOCKED_RANGES = new Set([
  "unspecified",
  "broadcast",
  "multicast",
  "linkLocal", // 169.254.0.0/16 holds the cloud metadata endpoints
  "loopback",
  "carrierGradeNat",
  "private",
  "reserved",
  "uniqueLocal", // fc00::/7, including AWS's fd00:ec2::254
  "benchmarking",
  "amt",
  "as112",
  "as112v6",
  "deprecated",
  "orchid2",
  "droneRemoteIdProtocolEntityTags",
  "discard",
  "rfc6145",
  "rfc6052",
  "6to4",
  "teredo",
]);

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

let parsed: { value: string; cidrs: Cidr[] } | undefined;

/** The allow-list, parsed once per distinct value (it is read on every connection). */
export function parseAllowedNetworks(value = process.env.WEBHOOK_ALLOWED_NETWORKS ?? ""): Cidr[] {
  if (parsed?.value !== value) {
    const cidrs = value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((cidr) => ipaddr.parseCIDR(cidr));
    parsed = { value, cidrs };
  }
  return parsed.cidrs;
}

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1: judge the IPv4 address inside.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

/** True when the address may be reached: public, or inside an allow-listed network. */
export function isAllowedAddress(address: string, allowed: Cidr[] = parseAllowedNetworks()): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = normalise(address);
  for (const [network, bits] of allowed) {
    if (network.kind() === ip.kind() && ip.match(network, bits)) return true;
  }
  return !BLOCKED_RANGES.has(ip.range());
}

export const PRIVATE_NETWORK_MESSAGE = "URL points to a private network";
