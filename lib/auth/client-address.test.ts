import { describe, expect, it } from "vitest";
import { addressBucket, clientAddress, normalizeAddress } from "./client-address";

const request = (forwardedFor?: string) =>
  new Request("http://localhost/", { headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } });

describe("clientAddress", () => {
  it("takes the last X-Forwarded-For entry: the peer Next.js saw, or what the nearest proxy appended", () => {
    expect(clientAddress(request("127.0.0.1"))).toBe("127.0.0.1");
    expect(clientAddress(request("203.0.113.9, 198.51.100.7"))).toBe("198.51.100.7");
  });

  it("says unknown when there is no address at all (an in-process call)", () => {
    expect(clientAddress(request())).toBe("unknown");
    expect(clientAddress(request(" , "))).toBe("unknown");
  });

  it.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["198.51.100.7:51234", "198.51.100.7"],
    ["not an address", "not an address"],
    ["x".repeat(500), "x".repeat(64)],
  ])("normalises %s to %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("addressBucket", () => {
  it("counts IPv6 per /64 and IPv4 per address", () => {
    expect(addressBucket("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(addressBucket("2001:db8:aa:bb::9")).toBe("2001:db8:aa:bb::/64");
    expect(addressBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("unknown")).toBe("unknown");
  });
});
