// Save-time check of a webhook URL: http(s), no credentials, a port from 1 to 65535, and every
// address its host resolves to must be allowed. (Delivery checks again at connect time, after its own DNS lookup.)
import dns from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { ApiError } from "../api/errors";
import { isAllowedAddress, isAllowedPort, PORT_MESSAGE, PRIVATE_NETWORK_MESSAGE } from "../net/address-policy";

export async function resolveHost(hostname: string): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) return [host];
  const results = await dns.lookup(host, { all: true, verbatim: true });
  return results.map((r) => r.address);
}

export async function assertDeliverableUrl(raw: string, field = "url"): Promise<void> {
  const url = new URL(raw);
  if (!isAllowedPort(url)) throw ApiError.field(field, PORT_MESSAGE);
  let addresses: string[];
  try {
    addresses = await resolveHost(url.hostname);
  } catch {
    throw ApiError.field(field, `the host ${url.hostname} could not be resolved`);
  }
  if (addresses.length === 0 || !addresses.every((a) => isAllowedAddress(a))) {
    throw ApiError.field(field, PRIVATE_NETWORK_MESSAGE);
  }
}
