// The save-time check refuses non-public addresses and bad ports before any lookup or connection:
// IP literals are judged as written, and a bad port is refused before the host is even resolved.
import dns from "node:dns/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/errors";
import { PORT_MESSAGE, PRIVATE_NETWORK_MESSAGE } from "../net/address-policy";
import { assertDeliverableUrl } from "./url-guard";

const lookup = vi.spyOn(dns, "lookup");

afterEach(() => lookup.mockClear());

async function refusal(url: string): Promise<string[] | undefined> {
  const error = await assertDeliverableUrl(url).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, url).toBeInstanceOf(ApiError);
  return (error as ApiError).fields?.url;
}

describe("assertDeliverableUrl", () => {
  it.each([
    "http://[fec0::1]/hook",
    "http://[::127.0.0.2]/hook",
    "http://[::10.0.0.1]/hook",
    "http://[64:ff9b::10.0.0.1]/hook",
    "http://[2002:a00:1::1]/hook",
    "http://[4000::1]/hook",
    "http://198.18.0.1/hook",
  ])("refuses %s as a private network without a lookup", async (url) => {
    expect(await refusal(url)).toEqual([PRIVATE_NETWORK_MESSAGE]);
    expect(lookup).not.toHaveBeenCalled();
  });

  it.each(["http://127.0.0.1:0/hook", "https://hooks.example.com:0/x", "http://[2606:4700:4700::1111]:0/"])(
    "refuses port 0 in %s before resolving the host",
    async (url) => {
      expect(await refusal(url)).toEqual([PORT_MESSAGE]);
      expect(lookup).not.toHaveBeenCalled();
    },
  );

  it("accepts a public address on any port from 1 to 65535", async () => {
    await expect(assertDeliverableUrl("http://93.184.216.34:1/hook")).resolves.toBeUndefined();
    await expect(assertDeliverableUrl("https://[2606:4700:4700::1111]:65535/hook")).resolves.toBeUndefined();
    expect(lookup).not.toHaveBeenCalled();
  });
});
