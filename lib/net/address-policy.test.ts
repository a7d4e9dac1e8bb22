import { describe, expect, it } from "vitest";
import { isAllowedAddress, parseAllowedNetworks } from "./address-policy";

describe("isAllowedAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "::1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "fe80::1",
    "fd00:ec2::254",
    "::ffff:10.0.0.1",
    "::ffff:127.0.0.1",
    "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isAllowedAddress(address, [])).toBe(false);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1"])("allows public %s", (address) => {
    expect(isAllowedAddress(address, [])).toBe(true);
  });

  it("allows exactly the allow-listed networks", () => {
    const loopback = parseAllowedNetworks("127.0.0.0/8, ::1/128");
    expect(isAllowedAddress("127.0.0.1", loopback)).toBe(true);
    expect(isAllowedAddress("::1", loopback)).toBe(true);
    expect(isAllowedAddress("10.0.0.1", loopback)).toBe(false);
    expect(isAllowedAddress("169.254.169.254", loopback)).toBe(false);
  });
});
