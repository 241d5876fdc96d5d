// Which addresses /add may download from: public unicast only, IPv4 and IPv6, embedded IPv4 judged as IPv4.
import { describe, expect, it } from "vitest";
import { isPublicAddress } from "../../src/ingest/address";

describe("isPublicAddress", () => {
  it.each([
    "0.0.0.0",
    "10.1.2.3",
    "100.64.0.1",
    "100.127.255.255",
    "127.0.0.1",
    "127.255.255.254",
    "169.254.169.254",
    "172.16.0.1",
    "172.31.255.255",
    "192.0.0.8",
    "192.0.2.10",
    "192.168.1.1",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
  ])("refuses the IPv4 address %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "192.167.1.1", "198.20.0.1", "223.255.255.255"])(
    "accepts the public IPv4 address %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    "::",
    "::1",
    "[::1]",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456:789a::1",
    "ff02::1",
    "fec0::1",
    "2001:db8::1",
    "2001::1", // Teredo
    "3fff::1",
    "::ffff:127.0.0.1", // IPv4-mapped
    "::ffff:7f00:1", // the same, in hex
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1", // NAT64 of 10.0.0.1
    "2002:c0a8:101::1", // 6to4 of 192.168.1.1
    "::127.0.0.1", // IPv4-compatible (deprecated)
    "100::1", // discard-only
  ])("refuses the IPv6 address %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "::ffff:808:808", "64:ff9b::808:808", "2002:808:808::1", "2001:4860:4860::8888"])(
    "accepts the public IPv6 address %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each(["", "localhost", "example.com", "1.2.3", "256.1.1.1", "::g"])("refuses %j, which is not an IP address", (text) => {
    expect(isPublicAddress(text)).toBe(false);
  });
});
