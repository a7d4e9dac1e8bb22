// Outgoing connections for deliveries: the host is resolved once, every address is checked
// against the address policy, and the socket connects to the address that was checked (no
// second lookup, so DNS rebinding cannot swap in a private address). Redirects are never followed.
import dns from "node:dns";
import net from "node:net";
import { Agent } from "undici";
import { isAllowedAddress, isAllowedPort, PORT_MESSAGE, PRIVATE_NETWORK_MESSAGE } from "../net/address-policy";

export class BlockedAddressError extends Error {
  readonly code = "ESSRF";
  constructor(message: string) {
    super(message);
    this.name = "BlockedAddressError";
  }

  static privateNetwork(host: string, addresses: string[]) {
    return new BlockedAddressError(`${PRIVATE_NETWORK_MESSAGE} (${host} resolves to ${addresses.join(", ")})`);
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as dns.LookupAddress[];
    if (list.length === 0 || !list.every((a) => isAllowedAddress(a.address))) {
      return callback(
        BlockedAddressError.privateNetwork(
          hostname,
          list.map((a) => a.address),
        ),
        [],
      );
    }
    if (options.all) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
}

/**
 * Checked before any request: the port, and IP literals, which skip the lookup in net.connect.
 * Names are checked after DNS, by guardedLookup.
 */
export function assertAllowedTarget(url: URL) {
  if (!isAllowedPort(url)) throw new BlockedAddressError(`${PORT_MESSAGE} (${url.host})`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && !isAllowedAddress(host)) throw BlockedAddressError.privateNetwork(host, [host]);
}

let agent: Agent | undefined;

/**
 * No cap on connections per origin: a cap would be a pool that one webhook's slow receiver could
 * fill for every other webhook on the same host. Each webhook's own width (its lane's
 * concurrency) bounds its connections instead.
 */
export function deliveryAgent(): Agent {
  agent ??= new Agent({
    connect: { lookup: guardedLookup as never, timeout: 5_000 },
    keepAliveTimeout: 10_000,
  });
  return agent;
}
