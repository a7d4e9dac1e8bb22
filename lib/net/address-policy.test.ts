import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { isAllowedAddress, isAllowedPort } from "./address-policy";

// How URLs reach the policy: the WHATWG parser's host, brackets removed.
const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, "");

describe("isAllowedAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "::1",
    "::",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "192.0.2.1",
    "198.18.0.1",
    "240.0.0.1",
    "fe80::1",
    "fd00:ec2::254",
    "fec0::1", // deprecated site-local
    "ff02::1",
    "64:ff9b::a00:1", // NAT64 of 10.0.0.1
    "2002:a00:1::1", // 6to4 of 10.0.0.1
    "2001::1", // Teredo
    "2001:db8::1",
    "100::1",
    "5f00::1",
    "4000::1", // unallocated, outside 2000::/3
    "::ffff:10.0.0.1",
    "::ffff:127.0.0.1",
    "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isAllowedAddress(address, [])).toBe(false);
  });

  it.each(["http://[::127.0.0.2]/", "http://[::10.0.0.1]/", "http://[::169.254.169.254]/", "http://[fec0::1]/"])(
    "refuses the host of %s (IPv4-compatible and site-local IPv6)",
    (url) => {
      expect(isAllowedAddress(hostOf(url), [])).toBe(false);
    },
  );

  it("refuses IPv4-compatible IPv6 even when the IPv4 network inside is allow-listed", () => {
    const loopback = [ipaddr.parseCIDR("127.0.0.0/8")];
    expect(isAllowedAddress("127.0.0.2", loopback)).toBe(true);
    expect(isAllowedAddress(hostOf("http://[::127.0.0.2]/"), loopback)).toBe(false);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001::1", "172.32.0.1"])(
    "allows public %s",
    (address) => {
      expect(isAllowedAddress(address, [])).toBe(true);
    },
  );

  it("allows exactly the allow-listed networks", () => {
    const loopback = [ipaddr.parseCIDR("127.0.0.0/8"), ipaddr.parseCIDR("::1/128")];
    expect(isAllowedAddress("127.0.0.1", loopback)).toBe(true);
    expect(isAllowedAddress("::1", loopback)).toBe(true);
    expect(isAllowedAddress("10.0.0.1", loopback)).toBe(false);
    expect(isAllowedAddress("169.254.169.254", loopback)).toBe(false);
  });

  it("reads the allow-list from WEBHOOK_ALLOWED_NETWORKS when none is given", () => {
    const before = process.env.WEBHOOK_ALLOWED_NETWORKS;
    try {
      process.env.WEBHOOK_ALLOWED_NETWORKS = "10.0.0.0/8";
      expect(isAllowedAddress("10.1.2.3")).toBe(true);
      process.env.WEBHOOK_ALLOWED_NETWORKS = "";
      expect(isAllowedAddress("10.1.2.3")).toBe(false);
    } finally {
      process.env.WEBHOOK_ALLOWED_NETWORKS = before;
    }
  });
});

describe("isAllowedPort", () => {
  it.each(["http://example.com/", "https://example.com/", "http://example.com:1/", "https://example.com:65535/"])(
    "allows %s",
    (url) => {
      expect(isAllowedPort(new URL(url))).toBe(true);
    },
  );

  it("refuses port 0", () => {
    expect(isAllowedPort(new URL("http://example.com:0/"))).toBe(false);
    expect(isAllowedPort(new URL("http://127.0.0.1:00/"))).toBe(false);
  });

  it("never sees a port above 65535: the URL parser refuses it", () => {
    expect(URL.parse("http://example.com:65536/")).toBeNull();
  });
});
